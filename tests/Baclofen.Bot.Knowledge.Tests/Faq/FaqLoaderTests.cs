using Baclofen.Bot.Knowledge.Faq;
using Baclofen.Bot.Knowledge.Tests.Support;

namespace Baclofen.Bot.Knowledge.Tests.Faq;

public class FaqLoaderTests
{
    private static FaqValidationException LoadFails(FaqDirectory faq) =>
        Assert.Throws<FaqValidationException>(() => FaqLoader.Load(faq.Dir));

    private static void AssertError(FaqValidationException ex, string location, string text)
    {
        Assert.Contains(ex.Errors, e => e.ToString().StartsWith(location + ": ", StringComparison.Ordinal) && e.Message.Contains(text, StringComparison.Ordinal));
        Assert.Contains(location, ex.Message);
    }

    [Fact]
    public void A_valid_directory_loads_every_entry_with_its_fields()
    {
        var catalog = FaqLoader.Load(FaqDirectory.Fixture);
        Assert.Equal(6, catalog.Entries.Count);
        var onset = catalog["onset"];
        Assert.Equal("Does baclofen work immediately?", onset.CanonicalQuestion);
        Assert.Equal(["000"], onset.SourceKeys);
        Assert.Equal(["stopping"], onset.Related);
        Assert.Equal(["kick in", "onset"], onset.Keywords);
        Assert.StartsWith("Tablets and liquid", onset.Answer);
        Assert.Equal("Only change your dose with your prescriber.", catalog.DisclaimerFor(onset).Text);
        Assert.Equal("https://example.org/baclofen", catalog.Sources["000"].Url);
        Assert.Contains("quit, stop, come off", catalog.SynonymRules);
        Assert.DoesNotContain(catalog.SynonymRules, r => r.StartsWith('#'));
    }

    [Fact]
    public void Unknown_disclaimer_key_names_file_and_line()
    {
        using var faq = new FaqDirectory();
        faq.Edit("onset.md", "disclaimer: dosing", "disclaimer: dosage");
        AssertError(LoadFails(faq), "faq/onset.md:6", "unknown disclaimer key 'dosage'");
    }

    [Fact]
    public void Unknown_source_key_names_file_and_line()
    {
        using var faq = new FaqDirectory();
        faq.Edit("withdrawal.md", "\"001\"]", "\"009\"]");
        AssertError(LoadFails(faq), "faq/withdrawal.md:7", "unknown source key '009'");
    }

    [Fact]
    public void Unknown_related_id_names_file_and_line()
    {
        using var faq = new FaqDirectory();
        faq.Edit("onset.md", "related: [stopping]", "related: [stoping]");
        AssertError(LoadFails(faq), "faq/onset.md:8", "unknown related id 'stoping'");
    }

    [Fact]
    public void Duplicate_id_is_reported()
    {
        using var faq = new FaqDirectory();
        File.Copy(Path.Combine(faq.Dir, "onset.md"), Path.Combine(faq.Dir, "onset-copy.md"));
        var ex = LoadFails(faq);
        AssertError(ex, "faq/onset-copy.md:2", "does not match the file name");
        AssertError(ex, "faq/onset.md:2", "duplicate id 'onset'");
    }

    [Fact]
    public void Duplicate_question_across_entries_is_reported_case_insensitively()
    {
        using var faq = new FaqDirectory();
        faq.Edit("stopping.md", "Can I taper off baclofen?", "DOES BACLOFEN WORK IMMEDIATELY");
        AssertError(LoadFails(faq), "faq/stopping.md:5", "duplicate question");
    }

    [Fact]
    public void Empty_answer_is_reported()
    {
        using var faq = new FaqDirectory();
        faq.Write("kidney-disease.md", "---\nid: kidney-disease\nquestions:\n  - Is baclofen hard on the kidneys?\ndisclaimer: general\nsources: [\"000\"]\n---\n\n   \n");
        AssertError(LoadFails(faq), "faq/kidney-disease.md:7", "empty answer");
    }

    [Fact]
    public void Missing_front_matter_is_reported()
    {
        using var faq = new FaqDirectory();
        faq.Write("kidney-disease.md", "Baclofen leaves the body through the kidneys.\n");
        AssertError(LoadFails(faq), "faq/kidney-disease.md:1", "missing front matter");
    }

    [Fact]
    public void Unclosed_front_matter_is_reported()
    {
        using var faq = new FaqDirectory();
        faq.Write("kidney-disease.md", "---\nid: kidney-disease\nquestions: [a]\n");
        AssertError(LoadFails(faq), "faq/kidney-disease.md:1", "not closed");
    }

    [Fact]
    public void Invalid_yaml_in_front_matter_is_reported_at_its_line()
    {
        using var faq = new FaqDirectory();
        faq.Write("kidney-disease.md", "---\nid: kidney-disease\nquestions: [a\ndisclaimer: general\n---\nAnswer.\n");
        var error = Assert.Single(LoadFails(faq).Errors, e => e.File == "faq/kidney-disease.md");
        Assert.Contains("invalid YAML", error.Message);
        Assert.InRange(error.Line, 2, 5); // inside the front matter
    }

    [Fact]
    public void Missing_required_key_is_reported()
    {
        using var faq = new FaqDirectory();
        faq.Edit("kidney-disease.md", "disclaimer: general\n", "");
        AssertError(LoadFails(faq), "faq/kidney-disease.md:2", "missing required key 'disclaimer'");
    }

    [Fact]
    public void Id_not_matching_the_file_name_is_reported()
    {
        using var faq = new FaqDirectory();
        faq.Edit("kidney-disease.md", "id: kidney-disease", "id: kidneys");
        AssertError(LoadFails(faq), "faq/kidney-disease.md:2", "does not match the file name 'kidney-disease.md'");
    }

    [Fact]
    public void An_entry_without_questions_is_reported()
    {
        using var faq = new FaqDirectory();
        faq.Edit("kidney-disease.md", "questions:\n  - Can I take baclofen if I have kidney problems?\n", "questions: []\n");
        AssertError(LoadFails(faq), "faq/kidney-disease.md:3", "at least one question");
    }

    [Fact]
    public void Unknown_front_matter_key_is_reported()
    {
        using var faq = new FaqDirectory();
        faq.Edit("kidney-disease.md", "related: []", "relatd: []");
        AssertError(LoadFails(faq), "faq/kidney-disease.md:7", "unknown front matter key 'relatd'");
    }

    [Fact]
    public void Malformed_synonym_line_is_reported_with_its_line()
    {
        using var faq = new FaqDirectory();
        faq.Edit("synonyms.txt", "kidney, renal", "kidney renal");
        AssertError(LoadFails(faq), "faq/synonyms.txt:4", "malformed synonym rule");
    }

    [Fact]
    public void Every_error_is_collected_not_just_the_first()
    {
        using var faq = new FaqDirectory();
        faq.Edit("onset.md", "disclaimer: dosing", "disclaimer: dosage");
        faq.Edit("stopping.md", "related: [withdrawal]", "related: [withdrawl]");
        faq.Edit("synonyms.txt", "kidney, renal", "kidney, , renal");
        var ex = LoadFails(faq);
        Assert.Equal(3, ex.Errors.Count);
    }

    [Fact]
    public void Missing_disclaimers_file_is_reported()
    {
        using var faq = new FaqDirectory();
        faq.Delete("disclaimers.yaml");
        var ex = LoadFails(faq);
        Assert.Contains(ex.Errors, e => e.File == "faq/disclaimers.yaml" && e.Message.Contains("not found"));
    }

    [Fact]
    public void Source_without_publisher_is_reported()
    {
        using var faq = new FaqDirectory();
        faq.Edit("sources.yaml", "  publisher: Example Clinic\n", "");
        AssertError(LoadFails(faq), "faq/sources.yaml:5", "has no publisher");
    }
}
