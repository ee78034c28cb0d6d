using System.Diagnostics;
using System.Net.Http.Json;
using AIaaS.Client;
using AIaaS.Grains.Interfaces.Models;
using Microsoft.Extensions.Hosting;

namespace AIaaS.Silo.ClusterTests;

/// <summary>
/// N silo processes sharing one store's (Redis or PostgreSQL) membership, grain storage and reminders, with failure
/// detection tuned down so a killed silo is declared dead in seconds rather than the production default of about
/// half a minute.
/// </summary>
public sealed class SiloCluster : IDisposable
{
    private static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(90);
    private readonly Dictionary<string, string> _settings;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly List<SiloProcess> _all = [];

    public SiloCluster(IClusterStore store, int size)
    {
        Id = $"cluster-{Guid.NewGuid():N}";
        Size = size;
        _settings = new()
        {
            ["Orleans__ClusterId"] = Id,
            ["Orleans__ServiceId"] = Id,
            ["Orleans__Membership__ProbeTimeout"] = "00:00:01",
            ["Orleans__Membership__NumMissedProbesLimit"] = "2",
            ["Orleans__Membership__NumProbedSilos"] = "2",
            ["Orleans__Membership__NumVotesForDeathDeclaration"] = "2",
            ["Orleans__Membership__TableRefreshTimeout"] = "00:00:02",
            ["Orleans__Membership__IAmAliveTablePublishTimeout"] = "00:00:05",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in store.SiloSettings)
        {
            _settings[key] = value;
        }
    }

    public string Id { get; }

    public int Size { get; }

    public IReadOnlyList<SiloProcess> Silos { get; private set; } = [];

    public IEnumerable<SiloProcess> Running => Silos.Where(s => !s.HasExited);

    /// <summary>Starts <see cref="Size"/> new silo processes and waits until every one answers /health/ready.</summary>
    public async Task<TimeSpan> StartAsync()
    {
        var clock = Stopwatch.StartNew();
        Silos = Enumerable.Range(1, Size).Select(i => new SiloProcess($"silo{i}", _settings)).ToList();
        _all.AddRange(Silos);
        foreach (var silo in Silos)
        {
            silo.Start();
        }

        await Task.WhenAll(Silos.Select(silo => silo.WaitReadyAsync(_http, ReadyDeadline)));
        return clock.Elapsed;
    }

    public async Task StopAllAsync()
    {
        await Task.WhenAll(Silos.Select(s => s.StopAsync(TimeSpan.FromSeconds(30))));
    }

    public async Task<EngineStats> ReadStatsAsync(SiloProcess silo) =>
        await _http.GetFromJsonAsync<EngineStats>(new Uri(silo.BaseAddress, "/v1/stats"))
        ?? throw new InvalidOperationException("GET /v1/stats returned nothing.");

    public async Task<ModelStatus> ReadModelAsync(SiloProcess silo) =>
        await _http.GetFromJsonAsync<ModelStatus>(new Uri(silo.BaseAddress, "/v1/model"))
        ?? throw new InvalidOperationException("GET /v1/model returned nothing.");

    /// <summary>POST /v1/model/retrain; the retraining runs in the background (202).</summary>
    public async Task RetrainAsync(SiloProcess silo)
    {
        using var response = await _http.PostAsync(new Uri(silo.BaseAddress, "/v1/model/retrain"), content: null);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A client host built only through the SDK's AddRecommendationClient, with every silo as a gateway.</summary>
    public async Task<IHost> StartClientAsync()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddRecommendationClient(options =>
        {
            foreach (var silo in Silos)
            {
                options.Gateways.Add($"127.0.0.1:{silo.GatewayPort}");
            }

            options.ClusterId = Id;
            options.ServiceId = Id;
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public string RecentOutput() => string.Join(Environment.NewLine, _all.Select(s => s.RecentOutput()));

    public void Dispose()
    {
        foreach (var silo in _all)
        {
            silo.Dispose();
        }

        _http.Dispose();
    }
}
