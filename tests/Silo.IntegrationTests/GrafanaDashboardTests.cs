using System.Text.Json;
using System.Text.RegularExpressions;

namespace AIaaS.Silo.IntegrationTests;

/// <summary>The Grafana dashboard under deploy/ queries only what /metrics exposes, so it cannot rot silently.</summary>
[Collection(MetricsSiloCollection.Name)]
public sealed partial class GrafanaDashboardTests(SiloFactory factory)
{
    [Fact]
    public async Task Dashboard_AfterTraffic_QueriesOnlyMetricsTheSiloExposes()
    {
        using var http = factory.CreateClient();
        var user = Json.NewId("u");
        (await http.PostAsync("/v1/events", Json.Body(Json.Events((user, Json.NewId("i"), "play"))))).EnsureSuccessStatusCode();
        (await http.GetAsync($"/v1/users/{user}/recommendations")).EnsureSuccessStatusCode();

        var exposed = ExposedMetrics(await http.GetStringAsync("/metrics"));
        var queries = DashboardQueries(RepositoryFile("deploy", "grafana", "aiaas-dashboard.json"));

        Assert.NotEmpty(queries);
        Assert.All(queries, query =>
        {
            var metrics = MetricName().Matches(query).Select(match => match.Value).ToList();
            Assert.True(metrics.Count > 0, $"'{query}' queries no aiaas_ or orleans_ metric, so this test cannot check it.");
            Assert.All(metrics, metric => Assert.True(exposed.Contains(metric),
                $"'{query}' queries {metric}, which /metrics does not expose; it exposes {string.Join(", ", exposed.Order(StringComparer.Ordinal))}."));
        });
    }

    /// <summary>The metric names of a Prometheus text exposition (a histogram's _bucket, _sum and _count each).</summary>
    private static HashSet<string> ExposedMetrics(string exposition) =>
        [.. exposition.Split('\n')
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line[..line.IndexOfAny(['{', ' '])])];

    /// <summary>Every panel target's <c>expr</c> and every templating variable's query.</summary>
    private static List<string> DashboardQueries(string path)
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(path));
        var queries = new List<string>();
        Collect(dashboard.RootElement, queries);
        return queries;

        static void Collect(JsonElement element, List<string> queries)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "expr" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        queries.Add(property.Value.GetString()!);
                    }
                    else if (property.Name == "query" && property.Value.ValueKind == JsonValueKind.Object
                        && property.Value.TryGetProperty("query", out var variable))
                    {
                        queries.Add(variable.GetString()!);
                    }
                    else
                    {
                        Collect(property.Value, queries);
                    }
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, queries);
                }
            }
        }
    }

    private static string RepositoryFile(params string[] parts)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AIaaS.sln")))
            {
                return Path.Combine([folder.FullName, .. parts]);
            }
        }

        throw new InvalidOperationException($"No AIaaS.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"\b(?:aiaas|orleans)_[a-z0-9_]+\b")]
    private static partial Regex MetricName();
}

/// <summary>
/// A silo of its own, run after every parallel collection has finished and disposed its hosts. OpenTelemetry keys a
/// metric stream by meter and instrument name, not by meter instance, so when another test host in this process
/// disposes its <c>AIaaS</c> meter, every host's stream of that name ends and /metrics drops it (one host per process,
/// as in production, never sees this; open-telemetry/opentelemetry-dotnet#6412).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsSiloCollection : ICollectionFixture<SiloFactory>
{
    public const string Name = "metrics silo";
}
