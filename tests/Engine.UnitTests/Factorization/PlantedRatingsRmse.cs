using AIaaS.Engine.Data;
using AIaaS.Engine.Evaluation;
using AIaaS.Engine.Factorization;

namespace AIaaS.Engine.UnitTests.Factorization;

/// <summary>A rating model's RMSE on the planted ratings' held-out split, beside the global mean's.</summary>
internal static class PlantedRatingsRmse
{
    public static (double Model, double GlobalMean) Of(Func<RatingMatrix, MfModel> fit)
    {
        var data = PlantedData.Ratings;
        var split = EvaluationSplits.Rating(data.Count);
        var model = fit(data.ToMatrix(split.Train));
        var predicted = split.Test.Select(r => model.Predict(data.UserIndex[r], data.ItemIndex[r])).ToArray();
        var actual = split.Test.Select(r => data.Ratings[r]).ToArray();
        var mean = Enumerable.Repeat(model.GlobalMean, actual.Length).ToArray();
        return (RatingMetrics.Rmse(predicted, actual), RatingMetrics.Rmse(mean, actual));
    }
}
