namespace Baclofen.Bot.TeamsPackage.Tests;

public sealed class PackageContentsTests : IDisposable
{
    private readonly PackageRun _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public void Valid_configuration_writes_the_zip_and_exits_zero()
    {
        Assert.Equal(0, _run.ExitCode);
        Assert.True(File.Exists(_run.ZipPath), _run.Error);
        Assert.Contains(_run.ZipPath, _run.Output);
    }

    [Fact]
    public void Zip_holds_exactly_the_manifest_and_two_icons_at_its_root()
    {
        Assert.Equal(["color.png", "manifest.json", "outline.png"], _run.EntryNames());
    }

    [Fact]
    public void Color_icon_is_a_192_pixel_square_png_filled_with_the_accent_colour()
    {
        var icon = PngImage.Read(_run.Entry("color.png"));

        Assert.Equal((192, 192), (icon.Width, icon.Height));
        var (r, g, b) = IconPainter.ParseHex(ManifestBuilder.AccentColor);
        Assert.Equal((r, g, b, (byte)255), icon.Pixel(0, 0));
        Assert.Equal((r, g, b, (byte)255), icon.Pixel(191, 191));
        Assert.Equal(((byte)255, (byte)255, (byte)255, (byte)255), icon.Pixel(80, 112)); // the white half of the capsule
    }

    [Fact]
    public void Color_icon_symbol_stays_inside_the_central_96_pixels()
    {
        var icon = PngImage.Read(_run.Entry("color.png"));
        var accent = icon.Pixel(0, 0);
        var symbol = 0;
        for (var y = 0; y < icon.Height; y++)
        {
            for (var x = 0; x < icon.Width; x++)
            {
                if (icon.Pixel(x, y) != accent)
                {
                    symbol++;
                    Assert.InRange(x, 48, 143);
                    Assert.InRange(y, 48, 143);
                }
            }
        }

        Assert.True(symbol > 1000, "the symbol is drawn");
    }

    [Fact]
    public void Outline_icon_is_a_32_pixel_square_png()
    {
        var icon = PngImage.Read(_run.Entry("outline.png"));

        Assert.Equal((32, 32), (icon.Width, icon.Height));
    }

    [Fact]
    public void Outline_icon_has_only_white_or_fully_transparent_pixels_and_draws_something()
    {
        var icon = PngImage.Read(_run.Entry("outline.png"));
        int white = 0, transparent = 0;
        for (var y = 0; y < icon.Height; y++)
        {
            for (var x = 0; x < icon.Width; x++)
            {
                var (r, g, b, a) = icon.Pixel(x, y);
                if (a == 0)
                {
                    transparent++;
                }
                else
                {
                    Assert.Equal(((byte)255, (byte)255, (byte)255, (byte)255), (r, g, b, a));
                    white++;
                }
            }
        }

        Assert.InRange(white, 50, 600);
        Assert.True(transparent > white);
        Assert.Equal(0, icon.Pixel(0, 0).A); // the background is transparent, not white
    }

    [Fact]
    public void Same_configuration_produces_the_same_bytes()
    {
        using var again = new PackageRun();

        Assert.Equal(File.ReadAllBytes(_run.ZipPath), File.ReadAllBytes(again.ZipPath));
    }
}
