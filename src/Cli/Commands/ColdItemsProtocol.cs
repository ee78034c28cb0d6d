using System.Diagnostics;
using System.Numerics.Tensors;
using AIaaS.Engine.Content;
using AIaaS.Engine.Data;
using AIaaS.Engine.Evaluation;
using AIaaS.Engine.Factorization;

namespace AIaaS.Cli.Commands;

/// <summary>
/// `aiaas evaluate --protocol cold-items`: 10% of the items are cold (no training rating); each user with a cold test
/// item ranks all cold items. `als` scores them with vectors the content map projects from their metadata, `pop` with
/// the mean training popularity of the warm items sharing a category, `random` at random.
/// </summary>
internal static class ColdItemsProtocol
{
    public static void Run(DenseRatings dense, EvaluationRequest request, MetricsOutput output)
    {
        var metadata = MovieLensMetadata.Load(request.Data);
        var split = EvaluationSplits.ColdItems(dense, request.Seed);
        int warm = dense.Items.Count - split.ColdItems.Length;
        if (split.ColdItems.Length == 0 || warm == 0)
        {
            throw new ArgumentException($"seed {request.Seed} makes {split.ColdItems.Length} of the {dense.Items.Count} items cold: the cold-items protocol needs both cold and warm items");
        }
        var content = new ItemContent?[dense.Items.Count];
        for (int i = 0; i < content.Length; i++) content[i] = metadata.GetValueOrDefault(dense.Items.RawId(i));
        var train = dense.ToMatrix(split.Train);
        output.Add("coldItems", split.ColdItems.Length).Add("warmItems", warm);

        var clock = Stopwatch.StartNew();
        var scorer = request.Model switch
        {
            "pop" => CategoryPopularity(train, content, split.ColdItems),
            "random" => RandomScores(request.Seed),
            _ => ContentModel(train, content, split.ColdItems, request, output),
        };
        double seconds = clock.Elapsed.TotalSeconds;
        var report = ColdItemEvaluator.Evaluate(dense.ToMatrix(split.Test), split.ColdItems, scorer);
        output.Add("ndcg@10", report.Ndcg).Add("auc", report.Auc).Add("users", report.Users).Add("aucUsers", report.AucUsers)
            .Add("trainSeconds", seconds);
    }

    /// <summary>ALS on the warm items, then the content map from their metadata; cold items get its projections.</summary>
    private static ColdItemScorer ContentModel(RatingMatrix train, ItemContent?[] content, int[] coldItems, EvaluationRequest request, MetricsOutput output)
    {
        var options = request.AlsOptions();
        EvaluationRunner.AddAls(output, options);
        var model = new AlsTrainer(options).Fit(train);
        int k = model.Factors;
        var isCold = new bool[content.Length];
        foreach (var c in coldItems) isCold[c] = true;
        var features = new IReadOnlyCollection<string>[content.Length];
        for (int i = 0; i < content.Length; i++)
        {
            features[i] = isCold[i] || content[i] is not { } item ? [] : ItemFeatures.Of(item.Categories, item.Tags);
        }
        var defaults = new ContentMapOptions();
        var contentOptions = new ContentMapOptions
        {
            Regularization = request.ContentRegularization ?? defaults.Regularization,
            Intercept = request.ContentIntercept ?? defaults.Intercept,
        };
        var map = ContentMap.Fit(features, model.ItemFactors, k, contentOptions)
            ?? throw new ArgumentException("no feature (category or tag) is shared by two warm items: the content map has nothing to learn from");
        var coldVectors = new float[coldItems.Length * k];
        int projected = 0;
        for (int c = 0; c < coldItems.Length; c++)
        {
            var item = content[coldItems[c]];
            if (item is not null && map.TryProject(ItemFeatures.Of(item.Categories, item.Tags), coldVectors.AsSpan(c * k, k))) projected++;
        }
        output.Add("contentRegularization", contentOptions.Regularization).Add("contentIntercept", contentOptions.Intercept.ToString())
            .Add("contentFeatures", map.Features.Count).Add("contentItems", map.FittedItems).Add("coldItemsProjected", projected);
        return (user, scores) =>
        {
            var vector = model.UserVector(user);
            for (int c = 0; c < scores.Length; c++) scores[c] = TensorPrimitives.Dot(vector, coldVectors.AsSpan(c * k, k));
        };
    }

    /// <summary>A cold item scores the mean training count of the warm items sharing any of its categories (0 with none), the same for every user.</summary>
    private static ColdItemScorer CategoryPopularity(RatingMatrix train, ItemContent?[] content, int[] coldItems)
    {
        var counts = PopularityModel.ItemCounts(train);
        var warmByCategory = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < content.Length; i++)
        {
            if (counts[i] == 0 || content[i] is not { } item) continue;
            foreach (var category in item.Categories)
            {
                if (!warmByCategory.TryGetValue(category, out var items)) warmByCategory[category] = items = [];
                items.Add(i);
            }
        }
        var popularity = new float[coldItems.Length];
        var counted = new int[content.Length];
        for (int c = 0; c < coldItems.Length; c++)
        {
            double sum = 0;
            int sharing = 0;
            foreach (var category in content[coldItems[c]]?.Categories ?? [])
            {
                foreach (var w in warmByCategory.GetValueOrDefault(category, []))
                {
                    if (counted[w] == c + 1) continue;
                    counted[w] = c + 1;
                    sum += counts[w];
                    sharing++;
                }
            }
            popularity[c] = sharing == 0 ? 0f : (float)(sum / sharing);
        }
        return (_, scores) => popularity.CopyTo(scores);
    }

    private static ColdItemScorer RandomScores(int seed) => (user, scores) =>
    {
        // A seeded System.Random gives the same sequence on every run (HashCode would not: it is salted per process).
        var random = new Random(unchecked((seed * 1_000_003) + user));
        for (int c = 0; c < scores.Length; c++) scores[c] = random.NextSingle();
    };
}
