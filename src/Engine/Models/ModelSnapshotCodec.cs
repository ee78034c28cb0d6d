using System.Runtime.InteropServices;
using System.Text;
using AIaaS.Engine.Content;
using AIaaS.Engine.Factorization;

namespace AIaaS.Engine.Models;

/// <summary>
/// A compact little-endian binary form of <see cref="ModelSnapshot"/> for storage in chunks. The header
/// carries a format number so that a reader can refuse what it does not understand. Format 2 is format 1 followed by
/// the content map; a snapshot without one is still written as format 1, so that it stays readable by a silo that
/// predates content maps (a rolling upgrade), and format 1 is read as a snapshot without a content map.
/// </summary>
public static class ModelSnapshotCodec
{
    private const int Magic = 0x4D534941; // "AISM"
    private const int FormatWithoutContent = 1;
    private const int FormatWithContent = 2;

    /// <summary>Writes <paramref name="snapshot"/> to <paramref name="output"/>.</summary>
    public static void Write(ModelSnapshot snapshot, Stream output)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var writer = new BinaryWriter(output, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(snapshot.Content is null ? FormatWithoutContent : FormatWithContent);
        writer.Write(snapshot.Version);
        writer.Write(snapshot.TrainedAt.ToUnixTimeMilliseconds());
        WriteOptions(writer, snapshot.Options);
        writer.Write(snapshot.UserCount);
        writer.Write(snapshot.ItemIds.Length);
        foreach (var id in snapshot.ItemIds)
        {
            writer.Write(id);
        }

        WriteFloats(writer, snapshot.ItemFactors);
        WriteFloats(writer, snapshot.ItemGramian);
        WriteFloats(writer, snapshot.UserGramian);
        writer.Write(snapshot.Watermark.Length);
        foreach (var sequence in snapshot.Watermark)
        {
            writer.Write(sequence);
        }

        writer.Write(snapshot.Metrics.Count);
        foreach (var (name, value) in snapshot.Metrics)
        {
            writer.Write(name);
            writer.Write(value);
        }

        snapshot.Content?.Write(writer);
    }

    /// <summary>Reads a snapshot written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">The data is not a snapshot of a known format.</exception>
    public static ModelSnapshot Read(Stream input)
    {
        using var reader = new BinaryReader(input, Encoding.UTF8, leaveOpen: true);
        if (reader.ReadInt32() != Magic)
        {
            throw new InvalidDataException("Not a model snapshot.");
        }

        var format = reader.ReadInt32();
        if (format is not (FormatWithoutContent or FormatWithContent))
        {
            throw new InvalidDataException($"Model snapshot format {format} is not supported (expected {FormatWithoutContent} or {FormatWithContent}).");
        }

        var version = reader.ReadInt64();
        var trainedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.ReadInt64());
        var options = ReadOptions(reader);
        var userCount = reader.ReadInt32();
        var itemIds = new string[reader.ReadInt32()];
        for (var i = 0; i < itemIds.Length; i++)
        {
            itemIds[i] = reader.ReadString();
        }

        var itemFactors = ReadFloats(reader);
        var itemGramian = ReadFloats(reader);
        var userGramian = ReadFloats(reader);
        var watermark = new long[reader.ReadInt32()];
        for (var p = 0; p < watermark.Length; p++)
        {
            watermark[p] = reader.ReadInt64();
        }

        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        var count = reader.ReadInt32();
        for (var m = 0; m < count; m++)
        {
            metrics[reader.ReadString()] = reader.ReadDouble();
        }

        var content = format == FormatWithContent ? ContentMap.Read(reader) : null;
        return new ModelSnapshot(version, trainedAt, options, itemIds, itemFactors, itemGramian, userGramian, userCount, watermark, metrics, content);
    }

    private static void WriteOptions(BinaryWriter writer, AlsOptions options)
    {
        writer.Write(options.Factors);
        writer.Write(options.Regularization);
        writer.Write(options.RegularizationExponent);
        writer.Write(options.Alpha);
        writer.Write((int)options.Confidence);
        writer.Write(options.Iterations);
        writer.Write(options.CgSteps);
        writer.Write((int)options.Solver);
        writer.Write(options.Seed);
        writer.Write(options.InitialScale);
    }

    private static AlsOptions ReadOptions(BinaryReader reader) => new()
    {
        Factors = reader.ReadInt32(),
        Regularization = reader.ReadSingle(),
        RegularizationExponent = reader.ReadSingle(),
        Alpha = reader.ReadSingle(),
        Confidence = (ConfidenceScaling)reader.ReadInt32(),
        Iterations = reader.ReadInt32(),
        CgSteps = reader.ReadInt32(),
        Solver = (AlsSolver)reader.ReadInt32(),
        Seed = reader.ReadInt32(),
        InitialScale = reader.ReadSingle(),
    };

    private static void WriteFloats(BinaryWriter writer, float[] values)
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static float[] ReadFloats(BinaryReader reader)
    {
        var values = new float[reader.ReadInt32()];
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        reader.BaseStream.ReadExactly(bytes);
        return values;
    }
}
