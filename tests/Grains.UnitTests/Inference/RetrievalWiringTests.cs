using AIaaS.Engine.Inference;
using AIaaS.Engine.Retrieval;
using AIaaS.Engine.Scoring;
using AIaaS.Grains.Inference;
using AIaaS.Grains.Models;
using AIaaS.Grains.Options;
using Microsoft.Extensions.Logging.Abstractions;

namespace AIaaS.Grains.UnitTests.Inference;

public sealed class RetrievalWiringTests
{
    private static readonly float[] User = [1, 0.5f, 0, 0, 0, 0, 0, -1];
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private static readonly int Items = TestModels.ItemsOf(1);

    [Theory]
    [InlineData(RetrievalMode.Ann, 200_000, true)]
    [InlineData(RetrievalMode.Auto, 70, true)]
    [InlineData(RetrievalMode.Auto, 71, false)]
    [InlineData(RetrievalMode.Exact, 1, false)]
    public async Task ScoreAsync_RetrievalSetting_ServesFromThePublishedIndexOnlyWhenItSaysSo(RetrievalMode mode, int annFromItems, bool approximate)
    {
        // The published index is of other factors (same version and shape): answers that follow it show it was used.
        var model = TestModels.Create(1, seed: 7);
        using var misleading = ItemIndex.Build(TestModels.Create(1, seed: 99), new AnnOptions());
        var settings = new InferenceOptions { Retrieval = mode, AnnFromItems = annFromItems, AnnOversample = 1, Scorer = ScorerKind.Managed };
        await using var service = Create(new LoadedModel(model, null, misleading), settings);
        await using var exact = Create(new LoadedModel(model), new InferenceOptions { Retrieval = RetrievalMode.Exact, Scorer = ScorerKind.Managed });

        var result = await service.ScoreAsync(new InferenceRequest(User, 5, Array.Empty<int>())).WaitAsync(Bound);
        var expected = await exact.ScoreAsync(new InferenceRequest(User, 5, Array.Empty<int>())).WaitAsync(Bound);

        Assert.Equal(5, result.Items.Length);
        Assert.Equal(approximate, !expected.Items.SequenceEqual(result.Items));
    }

    [Fact]
    public async Task ScoreAsync_AnnWithItsOwnIndex_EqualsExactOnASmallCatalog()
    {
        var model = TestModels.Create(1, seed: 7);
        using var index = ItemIndex.Build(model, new AnnOptions());
        await using var ann = Create(new LoadedModel(model, null, index), new InferenceOptions { Retrieval = RetrievalMode.Ann });
        await using var exact = Create(new LoadedModel(model), new InferenceOptions { Retrieval = RetrievalMode.Exact });
        int[] exclude = [3, 5, 8];

        var result = await ann.ScoreAsync(new InferenceRequest(User, 10, exclude)).WaitAsync(Bound);
        var expected = await exact.ScoreAsync(new InferenceRequest(User, 10, exclude)).WaitAsync(Bound);

        Assert.Equal(expected.Items, result.Items);
    }

    [Fact]
    public async Task ScoreAsync_FilteredAnnRequest_ReturnsCountEligibleItems()
    {
        var model = TestModels.Create(1, seed: 7);
        using var index = ItemIndex.Build(model, new AnnOptions());
        // Two candidates at most: a filter of half the catalog is searched approximately and has to fall back.
        var settings = new InferenceOptions { Retrieval = RetrievalMode.Ann, AnnMaxCandidates = 2 };
        await using var service = Create(new LoadedModel(model, null, index), settings);
        var builder = ItemMask.Create(Items, allowAll: false, model);
        for (int i = 0; i < Items; i += 2) builder.Allow(i);
        var mask = builder.Build();
        int[] exclude = [0, 2];

        var result = await service.ScoreAsync(new InferenceRequest(User, 10, exclude, mask)).WaitAsync(Bound);

        Assert.Equal(10, result.Items.Length);
        Assert.All(result.Items, i => Assert.True(mask.Contains(i) && !exclude.Contains(i)));
        var expected = new int[10];
        TopK.RecommendAllowed(User, model.ItemFactors, mask, exclude, expected, new float[10]);
        Assert.Equal(expected, result.Items);
    }

    [Fact]
    public async Task ScoreAsync_AnnModelPublishedWithoutIndex_BuildsOneAndServes()
    {
        var model = TestModels.Create(1, seed: 7);
        await using var service = Create(new LoadedModel(model), new InferenceOptions { Retrieval = RetrievalMode.Ann });
        await using var exact = Create(new LoadedModel(model), new InferenceOptions { Retrieval = RetrievalMode.Exact });

        var result = await service.ScoreAsync(new InferenceRequest(User, 5, Array.Empty<int>())).WaitAsync(Bound);
        var expected = await exact.ScoreAsync(new InferenceRequest(User, 5, Array.Empty<int>())).WaitAsync(Bound);

        Assert.Equal(expected.Items, result.Items);
    }

    [Fact]
    public void LoadedModel_IndexOfAnotherVersion_Throws()
    {
        using var index = ItemIndex.Build(TestModels.Create(2, seed: 1), new AnnOptions());

        Assert.Throws<ArgumentException>(() => new LoadedModel(TestModels.Create(1, seed: 1), null, index));
    }

    [Theory]
    [InlineData("AnnFromItems")]
    [InlineData("AnnConnectivity")]
    [InlineData("AnnExpansionSearch")]
    [InlineData("AnnOversample")]
    [InlineData("Retrieval")]
    public void Validate_BadRetrievalValue_NamesTheKey(string key)
    {
        var options = key switch
        {
            "AnnFromItems" => new InferenceOptions { AnnFromItems = 0 },
            "AnnConnectivity" => new InferenceOptions { AnnConnectivity = 1 },
            "AnnExpansionSearch" => new InferenceOptions { AnnExpansionSearch = 0 },
            "AnnOversample" => new InferenceOptions { AnnOversample = 0 },
            _ => new InferenceOptions { Retrieval = (RetrievalMode)9 },
        };

        var result = new InferenceOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"AIaaS:Inference:{key} ", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RetrievalMode.Exact, 5_000_000, false)]
    [InlineData(RetrievalMode.Auto, 99_999, false)]
    [InlineData(RetrievalMode.Auto, 100_000, true)]
    [InlineData(RetrievalMode.Ann, 10, true)]
    public void UsesAnn_DefaultThreshold_FollowsTheSetting(RetrievalMode mode, int items, bool expected) =>
        Assert.Equal(expected, new RetrievalPolicy(new InferenceOptions { Retrieval = mode }).UsesAnn(items));

    private static InferenceService Create(LoadedModel model, InferenceOptions options)
    {
        var catalog = new ModelCatalog();
        catalog.Publish(model);
        return new InferenceService(catalog, Microsoft.Extensions.Options.Options.Create(options), NullLogger<InferenceService>.Instance);
    }
}
