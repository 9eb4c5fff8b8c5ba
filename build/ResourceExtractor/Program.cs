using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

// Build step: copies manifest resources out of an assembly without loading it. A model package may
// ship its ONNX weights as resources of its DLL; loading that DLL (into MSBuild or into the bot)
// would keep another copy of the weights in memory.
// Usage: ResourceExtractor <assembly> <resource name>=<destination file> ...
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: ResourceExtractor <assembly> <resource>=<destination> ...");
    return 2;
}

using var stream = File.OpenRead(args[0]);
using var pe = new PEReader(stream);
var metadata = pe.GetMetadataReader();
if (!pe.PEHeaders.TryGetDirectoryOffset(pe.PEHeaders.CorHeader!.ResourcesDirectory, out var resourcesStart))
{
    Console.Error.WriteLine($"{args[0]} has no resources directory");
    return 1;
}

foreach (var request in args[1..])
{
    var (name, destination) = (request[..request.IndexOf('=')], request[(request.IndexOf('=') + 1)..]);
    var offset = metadata.ManifestResources
        .Select(metadata.GetManifestResource)
        .Where(r => r.Implementation.IsNil && metadata.GetString(r.Name) == name)
        .Select(r => (long?)r.Offset)
        .FirstOrDefault();
    if (offset is null)
    {
        Console.Error.WriteLine($"{args[0]} has no embedded resource {name}");
        return 1;
    }

    // An embedded resource is a 4-byte little-endian length followed by the bytes.
    stream.Position = resourcesStart + offset.Value;
    var length = new byte[4];
    stream.ReadExactly(length);
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
    var temporary = destination + ".tmp";
    using (var output = File.Create(temporary))
    {
        CopyBytes(stream, output, BitConverter.ToUInt32(length));
    }
    File.Move(temporary, destination, overwrite: true);
    Console.WriteLine($"{name} -> {destination}");
}
return 0;

static void CopyBytes(Stream from, Stream to, long count)
{
    var buffer = new byte[1 << 20];
    while (count > 0)
    {
        var read = from.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
        if (read <= 0) throw new EndOfStreamException();
        to.Write(buffer, 0, read);
        count -= read;
    }
}
