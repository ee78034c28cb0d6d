using System.Text.Json;

namespace AIaaS.Cli.UnitTests;

/// <summary>`aiaas evaluate --protocol cold-items` on a small generated log with generated ml-100k item files.</summary>
public sealed class ColdItemsEvaluationTests : TempFolderTests
{
    private const int Items = 150;

    [Theory]
    [InlineData("als")]
    [InlineData("pop")]
    [InlineData("random")]
    public async Task Evaluate_ColdItems_PrintsJsonWithNdcgAndAuc(string model)
    {
        await Generate(withMetadata: true);

        var (exit, output, error) = await CommandLineTests.RunWithOutputAsync("evaluate", "--data", Folder, "--protocol", "cold-items",
            "--model", model, "--iterations", "2", "--json");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output.TrimEnd().Split('\n')[^1]);
        var root = json.RootElement;
        Assert.Equal("cold-items", root.GetProperty("protocol").GetString());
        Assert.InRange(root.GetProperty("ndcg@10").GetDouble(), 0, 1);
        Assert.InRange(root.GetProperty("auc").GetDouble(), 0, 1);
        Assert.InRange(root.GetProperty("coldItems").GetInt32(), 1, Items - 1);
        Assert.True(root.GetProperty("users").GetInt32() > 0);
        Assert.True(root.TryGetProperty("trainSeconds", out _));
    }

    [Fact]
    public async Task Evaluate_ColdItemsWithoutMetadata_OneLineErrorNamingTheFiles()
    {
        await Generate(withMetadata: false);

        var (exit, error) = await CommandLineTests.RunAsync("evaluate", "--data", Folder, "--protocol", "cold-items");

        GenerateCommandTests.AssertOneLineError(exit, error, "No item metadata");
        Assert.Contains("u.item", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mf", "cold-items", "has no vectors for items without ratings")]
    [InlineData("random", "ranking", "baseline of the cold-items protocol only")]
    public async Task Evaluate_ModelTheProtocolDoesNotTake_OneLineError(string model, string protocol, string mention)
    {
        await Generate(withMetadata: true);

        var (exit, error) = await CommandLineTests.RunAsync("evaluate", "--data", Folder, "--protocol", protocol, "--model", model);

        GenerateCommandTests.AssertOneLineError(exit, error, mention);
    }

    [Fact]
    public async Task Evaluate_ColdItemsWithFolds_Rejected()
    {
        await Generate(withMetadata: true);

        var (exit, _) = await CommandLineTests.RunAsync("evaluate", "--data", Folder, "--protocol", "cold-items", "--folds", "5");

        Assert.NotEqual(0, exit);
    }

    private async Task Generate(bool withMetadata)
    {
        var (exit, _) = await CommandLineTests.RunAsync("generate", "--users", "60", "--items", Items.ToString(), "--events", "3000", "--out", Folder);
        Assert.Equal(0, exit);
        if (!withMetadata) return;
        File.WriteAllText(Path.Combine(Folder, "u.genre"), "Action|0\nComedy|1\nDrama|2\n\n");
        var lines = Enumerable.Range(1, Items).Select(i =>
            $"{i}|Item {i} ({1950 + i % 50})|01-Jan-{1950 + i % 50}||http://example.org/{i}|{(i % 3 == 0 ? 1 : 0)}|{(i % 3 == 1 ? 1 : 0)}|{(i % 2 == 0 ? 1 : 0)}");
        File.WriteAllLines(Path.Combine(Folder, "u.item"), lines);
    }
}
