using AIaaS.Engine.Content;
using AIaaS.Engine.Factorization;
using AIaaS.Engine.Models;

namespace AIaaS.Engine.UnitTests.Models;

public class ModelSnapshotCodecTests
{
    /// <summary>
    /// A snapshot as the codec wrote it before content maps (format 1): version 7, two items "a" and "b" with k = 2,
    /// 5 users, watermark [9, -1], one metric. Produced by that code, not by this one, so the old layout stays readable.
    /// </summary>
    private const string FormatOneSnapshot =
        "QUlTTQEAAAAHAAAAAAAAAABo5c+LAQAAAgAAAAAAIEIAAAAAAACAPwAAAAAPAAAAAwAAAAAAAAADAAAACtcjPAUAAAACAAAAAWEBYgQAAAAAAIA/AAAAQAAAQEAAAIBABAAAAAAAgD8AAAAAAAAAAAAAgD8EAAAAAAAAQAAAAAAAAAAAAAAAQAIAAAAJAAAAAAAAAP//////////AQAAAAZldmVudHMAAAAAAAAoQA==";

    [Fact]
    public void Read_FormatOneBytes_DecodesWithoutContentMap()
    {
        using var stream = new MemoryStream(Convert.FromBase64String(FormatOneSnapshot));

        var snapshot = ModelSnapshotCodec.Read(stream);

        Assert.Equal(stream.Length, stream.Position);
        Assert.Equal(7, snapshot.Version);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000), snapshot.TrainedAt);
        Assert.Equal(2, snapshot.Factors);
        Assert.Equal(40f, snapshot.Options.Regularization);
        Assert.Equal(3, snapshot.Options.Seed);
        Assert.Equal(["a", "b"], snapshot.ItemIds);
        Assert.Equal([1f, 2f, 3f, 4f], snapshot.ItemFactors);
        Assert.Equal([2f, 0f, 0f, 2f], snapshot.UserGramian);
        Assert.Equal(5, snapshot.UserCount);
        Assert.Equal([9L, -1L], snapshot.Watermark);
        Assert.Equal(12, snapshot.Metrics["events"]);
        Assert.Null(snapshot.Content);
    }

    [Fact]
    public void Write_WithoutContentMap_WritesTheFormatOneBytes()
    {
        var snapshot = ModelSnapshotCodec.Read(new MemoryStream(Convert.FromBase64String(FormatOneSnapshot)));

        Assert.Equal(FormatOneSnapshot, Convert.ToBase64String(Encode(snapshot)));
    }

    [Fact]
    public void RoundTrip_WithContentMap_KeepsTheMapAndEverythingElse()
    {
        var random = new Random(2);
        var factors = RandomModels.Vector(random, 4 * 2);
        IReadOnlyCollection<string>[] features = [["tag:a", "tag:b"], ["tag:a"], ["tag:b"], []];
        var map = ContentMap.Fit(features, factors, 2)!;
        var snapshot = new ModelSnapshot(3, DateTimeOffset.FromUnixTimeMilliseconds(1_000), new AlsOptions { Factors = 2 }, ["w", "x", "y", "z"], factors,
            new float[4], new float[4], 9, [4L], new Dictionary<string, double> { ["pairs"] = 8 }, map);

        var read = ModelSnapshotCodec.Read(new MemoryStream(Encode(snapshot)));

        Assert.Equal(snapshot.ItemIds, read.ItemIds);
        Assert.Equal(snapshot.ItemFactors, read.ItemFactors);
        Assert.Equal(8, read.Metrics["pairs"]);
        Assert.NotNull(read.Content);
        Assert.Equal(map.Features, read.Content.Features);
        var expected = new float[2];
        var actual = new float[2];
        Assert.True(map.TryProject(["tag:b"], expected));
        Assert.True(read.Content.TryProject(["tag:b"], actual));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Read_UnknownFormat_ThrowsInvalidData()
    {
        var bytes = Convert.FromBase64String(FormatOneSnapshot);
        bytes[4] = 3;

        var e = Assert.Throws<InvalidDataException>(() => ModelSnapshotCodec.Read(new MemoryStream(bytes)));

        Assert.Contains("format 3", e.Message);
    }

    [Fact]
    public void Snapshot_ContentMapOfOtherWidth_Rejected()
    {
        IReadOnlyCollection<string>[] features = [["tag:a"], ["tag:a"]];
        var map = ContentMap.Fit(features, new float[2 * 3], 3)!;

        Assert.Throws<ArgumentException>(() => new ModelSnapshot(1, DateTimeOffset.UnixEpoch, new AlsOptions { Factors = 2 }, ["a", "b"], new float[4],
            new float[4], new float[4], 0, [], new Dictionary<string, double>(), map));
    }

    private static byte[] Encode(ModelSnapshot snapshot)
    {
        using var stream = new MemoryStream();
        ModelSnapshotCodec.Write(snapshot, stream);
        return stream.ToArray();
    }
}
