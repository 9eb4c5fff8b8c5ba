using Baclofen.Bot.Recording;

namespace Baclofen.Bot.Tests.Recording;

public sealed class RedactorTests
{
    [Theory]
    [InlineData("my name is Sarah Jones, call me at 555-123-4567, how do I store baclofen",
        "my name is [name], call me at [phone], how do I store baclofen")]
    [InlineData("email me at sarah.jones@example.com please", "email me at [email] please")]
    [InlineData("I read https://example.org/baclofen?id=7 and www.drugs.com", "I read [url] and [url]")]
    [InlineData("see mysite.com/page for details", "see [url] for details")]
    [InlineData("I take 10 mg three times a day since 2019", "I take [number] mg [number] times a day since [number]")]
    [InlineData("my number is +1 (555) 123 4567", "my number is [phone]")]
    [InlineData("I'm called bob and my back hurts", "I'm called [name] and my back hurts")]
    [InlineData("Hi, this is Maria Lopez from the clinic", "Hi, this is [name] from the clinic")]
    [InlineData("my name is john smith how long does it last", "my name is [name] how long does it last")]
    [InlineData("she is twenty-five and took two tablets", "she is [number] and took [number] tablets")]
    [InlineData("how do I store baclofen", "how do I store baclofen")]
    [InlineData("is this normal after a week", "is this normal after a week")]
    public void Personal_data_is_replaced_by_placeholders(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    /// <summary>The forms the issue found in the log, and their relatives.</summary>
    [Theory]
    [InlineData("I'm Jonathan Hargreaves, can I drink on baclofen", "I'm [name], can I drink on baclofen")]
    [InlineData("I am Sarah Connor and my legs are stiff", "I am [name] and my legs are stiff")]
    [InlineData("Im Dave, what is the max dose", "Im [name], what is the max dose")]
    [InlineData("i'm dave wilson what does baclofen do", "i'm [name] what does baclofen do")]
    [InlineData("I’m Priya Raghunathan, is baclofen safe", "I’m [name], is baclofen safe")]
    [InlineData("hi I am Olusegun, is it addictive", "hi I am [name], is it addictive")]
    [InlineData("its dave wilson here, can baclofen cause hair loss", "its [name] here, can baclofen cause hair loss")]
    [InlineData("it's Maria here. does baclofen cause weight gain", "it's [name] here. does baclofen cause weight gain")]
    [InlineData("Dave here, quick question about withdrawal", "[name] here, quick question about withdrawal")]
    [InlineData("Hi, Kowalczyk here. can I stop suddenly", "Hi, [name] here. can I stop suddenly")]
    [InlineData("this is Tomasz Nowak, what about side effects", "this is [name], what about side effects")]
    [InlineData("Mi nombre es Lucía Fernández y tengo espasmos", "Mi nombre es [name] y tengo espasmos")]
    [InlineData("me llamo jorge, puedo tomar alcohol", "me llamo [name], puedo tomar alcohol")]
    [InlineData("Hola, soy Carmen. ¿es seguro?", "Hola, soy [name]. ¿es seguro?")]
    [InlineData("hola soy ximena, tengo una pregunta", "hola soy [name], tengo una pregunta")]
    [InlineData("Dr. Elizabeth Blackwell prescribed it to me", "Dr. [name] prescribed it to me")]
    [InlineData("my doctor, dr smith, said to take it at night", "my doctor, dr [name], said to take it at night")]
    [InlineData("Mrs Patel asked me to check interactions", "Mrs [name] asked me to check interactions")]
    [InlineData("Mr. O'Brien wants to know about driving", "Mr. [name] wants to know about driving")]
    [InlineData("Ms Okafor from the pharmacy said no", "Ms [name] from the pharmacy said no")]
    [InlineData("Miss Chen told me to halve it", "Miss [name] told me to halve it")]
    [InlineData("name's Rick, baclofen makes me sleepy", "name's [name], baclofen makes me sleepy")]
    [InlineData("my name's Anneliese and I am pregnant", "my name's [name] and I am pregnant")]
    [InlineData("you can call me Liz. is it ok with ibuprofen", "you can call me [name]. is it ok with ibuprofen")]
    [InlineData("I'm Dave and I'm taking baclofen", "I'm [name] and I'm taking baclofen")]
    [InlineData("my nurse Gwendolyn said it was fine", "my nurse [name] said it was fine")]
    [InlineData("this is Maria lopez, is it safe", "this is [name], is it safe")]
    [InlineData("Dr Lee doubled my dose", "Dr [name] doubled my dose")]
    public void Names_people_give_are_removed(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("I live at 221 Baker Street, can I get it delivered", "I live at [address], can I get it delivered")]
    [InlineData("send it to 12 Oak Ave Apt 3 please", "send it to [address] please")]
    [InlineData("my address is 4817 west maple boulevard", "my address is [address]")]
    [InlineData("I'm at 42 Willow Way near the park", "I'm at [address] near the park")]
    [InlineData("we moved to 7 Kings Rd, is my refill transferred", "we moved to [address], is my refill transferred")]
    [InlineData("PO Box 5521, where do I send the form", "[address], where do I send the form")]
    [InlineData("vivo en Calle Mayor 15, piso 2 y tengo espasmos", "vivo en [address] y tengo espasmos")]
    [InlineData("avenida de la Paz nº 8", "[address]")]
    public void Street_addresses_are_removed(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Theory]
    [InlineData("my patient number is AB12345", "my patient number is [id]")]
    [InlineData("MRN 00123 needs a refill", "MRN [id] needs a refill")]
    [InlineData("ID#A1B2C3 is my chart", "ID#[id] is my chart")]
    [InlineData("my member ID: XK-558201", "my member ID: [id]")]
    [InlineData("insurance number 99812Z", "insurance number [id]")]
    [InlineData("ref QX7734 from the pharmacy", "ref [id] from the pharmacy")]
    [InlineData("NHS number 943 476 5919", "NHS number [phone]")]
    public void Id_like_codes_are_removed(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    /// <summary>What the log is for: the medical question must survive the redactor.</summary>
    [Theory]
    [InlineData("I'm taking baclofen and ibuprofen together", "I'm taking baclofen and ibuprofen together")]
    [InlineData("I am worried about withdrawal", "I am worried about withdrawal")]
    [InlineData("I'm 45 and on 10 mg", "I'm [number] and on [number] mg")]
    [InlineData("I'm on 10mg three times a day", "I'm on [number]mg [number] times a day")]
    [InlineData("I'm pregnant, is baclofen safe", "I'm pregnant, is baclofen safe")]
    [InlineData("I am breastfeeding", "I am breastfeeding")]
    [InlineData("I'm not sure if I missed a dose", "I'm not sure if I missed a dose")]
    [InlineData("I miss a dose sometimes", "I miss a dose sometimes")]
    [InlineData("I have MS and I'm an MS patient", "I have MS and I'm an MS patient")]
    [InlineData("I'm allergic to soy milk", "I'm allergic to soy milk")]
    [InlineData("I'm hypotonic after the dose", "I'm hypotonic after the dose")]
    [InlineData("this is normal?", "this is normal?")]
    [InlineData("I take it with St John's wort", "I take it with St John's wort")]
    [InlineData("I'm on the way to the pharmacy", "I'm on the way to the pharmacy")]
    [InlineData("pain here in my lower back", "pain here in my lower back")]
    [InlineData("I'm new here, what is baclofen", "I'm new here, what is baclofen")]
    [InlineData("my doctor said to stop", "my doctor said to stop")]
    [InlineData("does it interact with vitamin B12 or covid vaccines", "does it interact with vitamin B[number] or covid vaccines")]
    [InlineData("I'm switching from tizanidine to Lioresal", "I'm switching from tizanidine to Lioresal")]
    [InlineData("is 2 pills on an empty stomach ok", "is [number] pills on an empty stomach ok")]
    [InlineData("I'm feeling dizzy and confused", "I'm feeling dizzy and confused")]
    [InlineData("call me back about the side effects", "call me back about the side effects")]
    public void Medical_content_survives(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Fact]
    public void No_digit_survives()
    {
        var redacted = Redactor.Redact("born 03/04/1980, MRN 123456, 2.5 mg at 8:30, room 12B");

        Assert.DoesNotContain(redacted, char.IsDigit);
    }
}
