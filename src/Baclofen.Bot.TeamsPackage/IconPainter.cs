namespace Baclofen.Bot.TeamsPackage;

/// <summary>
/// Draws the two icons Teams requires: a 192×192 colour icon (a white two-tone capsule on the
/// accent colour, full bleed) and a 32×32 outline icon (the capsule's outline, white on
/// transparent, with no other colour, as Teams requires).
/// </summary>
public static class IconPainter
{
    public const int ColorSize = 192;
    public const int OutlineSize = 32;

    public static byte[] ColorIcon(string accentColor)
    {
        var (ar, ag, ab) = ParseHex(accentColor);
        // Teams' icon guidance keeps the symbol inside the central 96×96 (48 px padding), so
        // the rounded and circular crops Teams applies never cut it.
        var pill = new Capsule(74, 118, 118, 74, 20);
        const int samples = 4; // 4×4 supersampling smooths the capsule's edge
        var rgba = new byte[ColorSize * ColorSize * 4];
        for (var y = 0; y < ColorSize; y++)
        {
            for (var x = 0; x < ColorSize; x++)
            {
                double white = 0;
                for (var sy = 0; sy < samples; sy++)
                {
                    for (var sx = 0; sx < samples; sx++)
                    {
                        white += pill.Whiteness(x + (sx + 0.5) / samples, y + (sy + 0.5) / samples, gap: 2);
                    }
                }

                white /= samples * samples;
                var i = (y * ColorSize + x) * 4;
                rgba[i] = Blend(ar, white);
                rgba[i + 1] = Blend(ag, white);
                rgba[i + 2] = Blend(ab, white);
                rgba[i + 3] = 255;
            }
        }

        return PngEncoder.Encode(ColorSize, ColorSize, rgba);
    }

    public static byte[] OutlineIcon()
    {
        var pill = new Capsule(10, 22, 22, 10, 7.5);
        var rgba = new byte[OutlineSize * OutlineSize * 4];
        for (var y = 0; y < OutlineSize; y++)
        {
            for (var x = 0; x < OutlineSize; x++)
            {
                // Hard edges: partly transparent pixels would be grey on some Teams themes.
                if (!pill.IsOutline(x + 0.5, y + 0.5, stroke: 2))
                {
                    continue;
                }

                var i = (y * OutlineSize + x) * 4;
                rgba[i] = rgba[i + 1] = rgba[i + 2] = rgba[i + 3] = 255;
            }
        }

        return PngEncoder.Encode(OutlineSize, OutlineSize, rgba);
    }

    public static (byte R, byte G, byte B) ParseHex(string color)
    {
        if (color is not ['#', _, _, _, _, _, _] || !int.TryParse(color.AsSpan(1), System.Globalization.NumberStyles.HexNumber, null, out var value))
        {
            throw new ArgumentException($"'{color}' is not a #RRGGBB colour.", nameof(color));
        }

        return ((byte)(value >> 16), (byte)(value >> 8), (byte)value);
    }

    private static byte Blend(byte channel, double white) => (byte)Math.Round(channel + ((255 - channel) * white));

    /// <summary>A stadium shape: all points within <see cref="Radius"/> of the segment A–B.</summary>
    private readonly record struct Capsule(double Ax, double Ay, double Bx, double By, double Radius)
    {
        /// <summary>1 in the white half, 0.75 in the tinted half, 0 outside or in the seam.</summary>
        public double Whiteness(double x, double y, double gap)
        {
            var (distance, along) = Measure(x, y);
            if (distance > Radius || Math.Abs(along) < gap)
            {
                return 0;
            }

            return along < 0 ? 1 : 0.75;
        }

        public bool IsOutline(double x, double y, double stroke)
        {
            var (distance, along) = Measure(x, y);
            return distance <= Radius && (distance >= Radius - stroke || Math.Abs(along) < stroke / 2);
        }

        /// <returns>Distance to the segment, and signed distance along it from its midpoint.</returns>
        private (double Distance, double Along) Measure(double x, double y)
        {
            var dx = Bx - Ax;
            var dy = By - Ay;
            var length = Math.Sqrt((dx * dx) + (dy * dy));
            var t = Math.Clamp((((x - Ax) * dx) + ((y - Ay) * dy)) / (length * length), 0, 1);
            var px = Ax + (t * dx) - x;
            var py = Ay + (t * dy) - y;
            var along = ((((x - Ax) * dx) + ((y - Ay) * dy)) / length) - (length / 2);
            return (Math.Sqrt((px * px) + (py * py)), along);
        }
    }
}
