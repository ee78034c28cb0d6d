using AIaaS.Engine.Data;
using AIaaS.Engine.Evaluation;
using AIaaS.Engine.Factorization;

namespace AIaaS.Engine.UnitTests.Factorization;

public class AlsTrainerTests
{
    public static TheoryData<AlsOptions, string> InvalidOptions => new()
    {
        { new AlsOptions { Factors = 0 }, "Factors" },
        { new AlsOptions { Regularization = -1f }, "Regularization" },
        { new AlsOptions { Alpha = float.NaN }, "Alpha" },
        { new AlsOptions { Iterations = 0 }, "Iterations" },
        { new AlsOptions { CgSteps = 0 }, "CgSteps" },
        { new AlsOptions { Threads = 0 }, "Threads" },
        { new AlsOptions { RegularizationExponent = 3f }, "RegularizationExponent" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Constructor_InvalidOption_ThrowsArgumentExceptionNamingIt(AlsOptions options, string name)
    {
        var e = Assert.Throws<ArgumentException>(() => new AlsTrainer(options));

        Assert.Contains("AlsOptions." + name, e.Message);
    }

    [Fact]
    public void Constructor_NoArguments_TakesTheOptionsDefaults()
    {
        var defaults = new AlsOptions();

        var options = new AlsTrainer().Options;

        Assert.Equal((defaults.Factors, defaults.Regularization, defaults.Alpha, defaults.Iterations, defaults.Confidence, defaults.RegularizationExponent),
            (options.Factors, options.Regularization, options.Alpha, options.Iterations, options.Confidence, options.RegularizationExponent));
    }

    [Fact]
    public void Fit_PlantedClusters_BeatsPopularityByAWideMargin()
    {
        var data = PlantedData.Ratings;
        var split = EvaluationSplits.Ranking(data, 42);
        var train = data.ToMatrix(split.Train);
        var test = data.ToMatrix(split.Test);

        var model = new AlsTrainer(new AlsOptions { Factors = 8, Regularization = 5f, Iterations = 8 }).Fit(train);
        var als = RankingEvaluator.Evaluate(train, test, model.UserFactors, model.ItemFactors, model.Factors);
        var ones = Enumerable.Repeat(1f, train.Rows).ToArray();
        var pop = RankingEvaluator.Evaluate(train, test, ones, PopularityModel.ItemCounts(train), 1);

        Assert.True(als.Precision > 1.3 * pop.Precision, $"ALS precision {als.Precision:F4} vs popularity {pop.Precision:F4}");
        Assert.True(als.Ndcg > 1.3 * pop.Ndcg, $"ALS nDCG {als.Ndcg:F4} vs popularity {pop.Ndcg:F4}");
    }

    [Fact]
    public void Fit_SameSeed_GivesSameFactors()
    {
        var train = PlantedData.Ratings.ToMatrix();
        var options = new AlsOptions { Factors = 8, Iterations = 2 };

        var a = new AlsTrainer(options).Fit(train);
        var b = new AlsTrainer(options).Fit(train);

        Assert.Equal(a.UserFactors, b.UserFactors);
        Assert.Equal(a.ItemFactors, b.ItemFactors);
    }
}
