using AIaaS.Engine.Data;
using AIaaS.Engine.Evaluation;
using AIaaS.Engine.Factorization;

namespace AIaaS.Engine.UnitTests.Factorization;

public class SvdppTrainerTests
{
    [Fact]
    public void Fit_PlantedRatings_BeatsGlobalMeanOnHeldOutRatings()
    {
        var options = new SvdppOptions { Factorization = new MfOptions { Factors = 8, Epochs = 20 } };

        var (rmse, baseline) = PlantedRatingsRmse.Of(new SvdppTrainer(options).Fit);

        Assert.True(rmse < 0.85 * baseline, $"SVD++ RMSE {rmse:F4} vs global mean {baseline:F4}");
    }

    [Fact]
    public void Fit_WhichItemsWereRated_PredictsWhatTheirRatingsCannot()
    {
        // Two groups rate their own five items 3 (the values tell nothing) and item 10 apart: group A 5, group B 1.
        // The last user of each group has not rated item 10; only which items they rated says which group they are in.
        var train = TwoGroups(usersPerGroup: 30);
        int lastOfA = 29, lastOfB = 59;

        var svdpp = new SvdppTrainer(new SvdppOptions { Factorization = new MfOptions { Factors = 4, Epochs = 60 } }).Fit(train);
        var mf = new MfTrainer(new MfOptions { Factors = 4, Epochs = 60 }).Fit(train);

        Assert.True(svdpp.Predict(lastOfA, 10) - svdpp.Predict(lastOfB, 10) > 1f,
            $"SVD++ predicts {svdpp.Predict(lastOfA, 10):F2} for A and {svdpp.Predict(lastOfB, 10):F2} for B");
        Assert.True(Math.Abs(mf.Predict(lastOfA, 10) - mf.Predict(lastOfB, 10)) < 0.5f,
            $"MF predicts {mf.Predict(lastOfA, 10):F2} for A and {mf.Predict(lastOfB, 10):F2} for B");
    }

    [Theory]
    [InlineData(0f, 0.5f, "ImplicitLearningRate")]
    [InlineData(0.01f, -1f, "ImplicitRegularization")]
    [InlineData(0.01f, float.NaN, "ImplicitRegularization")]
    public void Constructor_InvalidOption_ThrowsArgumentExceptionNamingIt(float rate, float regularization, string name)
    {
        var e = Assert.Throws<ArgumentException>(() => new SvdppTrainer(new SvdppOptions { ImplicitLearningRate = rate, ImplicitRegularization = regularization }));

        Assert.Contains("SvdppOptions." + name, e.Message);
    }

    [Fact]
    public void Constructor_InvalidFactorizationOption_ThrowsArgumentExceptionNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => new SvdppTrainer(new SvdppOptions { Factorization = new MfOptions { Factors = 0 } }));

        Assert.Contains("MfOptions.Factors", e.Message);
    }

    private static RatingMatrix TwoGroups(int usersPerGroup)
    {
        var users = new List<int>();
        var items = new List<int>();
        var values = new List<float>();
        for (int group = 0; group < 2; group++)
        {
            for (int n = 0; n < usersPerGroup; n++)
            {
                int user = group * usersPerGroup + n;
                for (int item = group * 5; item < group * 5 + 5; item++) Add(user, item, 3f);
                if (n < usersPerGroup - 1) Add(user, 10, group == 0 ? 5f : 1f);
            }
        }

        return RatingMatrix.FromCoordinates(2 * usersPerGroup, 11, users.ToArray(), items.ToArray(), values.ToArray());

        void Add(int user, int item, float value)
        {
            users.Add(user);
            items.Add(item);
            values.Add(value);
        }
    }
}
