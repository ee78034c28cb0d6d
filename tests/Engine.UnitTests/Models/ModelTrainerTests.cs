using AIaaS.Engine.Content;
using AIaaS.Engine.Factorization;
using AIaaS.Engine.Models;

namespace AIaaS.Engine.UnitTests.Models;

public class ModelTrainerTests
{
    private static readonly AlsOptions Options = new() { Factors = 4, Iterations = 3, Threads = 1 };

    [Fact]
    public void Train_WithItemFeatures_FitsAContentMapOnTheTrainedItems()
    {
        IReadOnlyDictionary<string, IReadOnlyCollection<string>> features = new Dictionary<string, IReadOnlyCollection<string>>
        {
            ["i0"] = ItemFeatures.Of(["Drama"], ["1990s"]),
            ["i1"] = ItemFeatures.Of(["Drama"], []),
            ["i2"] = ItemFeatures.Of(["Comedy"], ["1990s"]),
            ["never-rated"] = ItemFeatures.Of(["Comedy"], []),
        };

        var snapshot = ModelTrainer.Train([Interactions()], Options, 1, [], TimeProvider.System, features);

        Assert.NotNull(snapshot.Content);
        Assert.Equal(4, snapshot.Content.Factors);
        Assert.Equal(["category:drama", "tag:1990s"], snapshot.Content.Features);
        Assert.Equal(3, snapshot.Content.FittedItems);
        Assert.Equal(2, snapshot.Metrics["contentFeatures"]);
        Assert.True(snapshot.Content.TryProject(ItemFeatures.Of(["drama"], []), new float[4]));
    }

    [Fact]
    public void Train_WithoutOrWithUnsharedFeatures_NoContentMap()
    {
        IReadOnlyDictionary<string, IReadOnlyCollection<string>> unshared = new Dictionary<string, IReadOnlyCollection<string>>
        {
            ["i0"] = ItemFeatures.Of(["Drama"], []),
            ["i1"] = ItemFeatures.Of(["Comedy"], []),
        };

        Assert.Null(ModelTrainer.Train([Interactions()], Options, 1, [], TimeProvider.System).Content);
        Assert.Null(ModelTrainer.Train([Interactions()], Options, 1, [], TimeProvider.System, unshared).Content);
        Assert.False(ModelTrainer.Train([Interactions()], Options, 1, [], TimeProvider.System, unshared).Metrics.ContainsKey("contentFeatures"));
    }

    private static InteractionMatrixBuilder Interactions()
    {
        var builder = new InteractionMatrixBuilder();
        for (int u = 0; u < 6; u++)
        {
            for (int i = 0; i < 4; i++)
            {
                if ((u + i) % 3 != 0) builder.Add($"u{u}", $"i{i}", 1f + i);
            }
        }
        return builder;
    }
}
