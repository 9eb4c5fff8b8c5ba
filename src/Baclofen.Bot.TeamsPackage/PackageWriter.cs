using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Baclofen.Bot.TeamsPackage;

/// <summary>
/// Writes the .zip Teams uploads: manifest.json and the two icons at the root of the archive
/// (Teams rejects a package whose files sit in a folder).
/// </summary>
public static class PackageWriter
{
    public const string ManifestFile = "manifest.json";

    // Fixed entry times make the same configuration produce the same bytes.
    private static readonly DateTimeOffset EntryTime = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Write(string zipPath, JsonObject manifest)
    {
        ArgumentException.ThrowIfNullOrEmpty(zipPath);
        ArgumentNullException.ThrowIfNull(manifest);

        var manifestJson = manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        var directory = Path.GetDirectoryName(Path.GetFullPath(zipPath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        using var file = new FileStream(zipPath, FileMode.Create, FileAccess.Write);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        Add(zip, ManifestFile, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(manifestJson));
        Add(zip, ManifestBuilder.ColorIconFile, IconPainter.ColorIcon(ManifestBuilder.AccentColor));
        Add(zip, ManifestBuilder.OutlineIconFile, IconPainter.OutlineIcon());
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using var stream = entry.Open();
        stream.Write(content);
    }
}
