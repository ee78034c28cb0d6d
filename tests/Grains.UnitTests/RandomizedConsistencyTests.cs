using System.Collections.Immutable;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.Options;
using AIaaS.Grains.Storage;
using AIaaS.Storage.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace AIaaS.Grains.UnitTests;

/// <summary>
/// Track (with event ids, retried after injected storage faults), forget, retrain, grain deactivations and restarts
/// of the second silo (whose in-memory grain state is lost with it; the log store is not) in a random order, checking after each step what must always hold: the stats count the distinct acknowledged events
/// not forgotten, nothing of a forgotten user is anywhere, and every user's history is its newest events in order.
/// </summary>
public sealed class RandomizedConsistencyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int HistoryLength = 8;
    private readonly FaultyLogStore _log = new(new MemoryInteractionLogStore());
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync() =>
        _cluster = await TestClusters.StartAsync(2, services =>
        {
            services.Replace(ServiceDescriptor.Singleton<IInteractionLogStore>(_log));
            services.Configure<EngineOptions>(o =>
            {
                o.HistoryLength = HistoryLength;
                o.LogPartitions = 3;
                o.TrendingPublishInterval = TimeSpan.FromHours(1);
            });
            services.Configure<RetrainingOptions>(o =>
            {
                o.Factors = 4;
                o.Iterations = 2;
                o.Threads = 1;
                o.ThresholdCheckInterval = TimeSpan.FromHours(1);
            });
        });

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task RandomOperations_InvariantsHoldAfterEveryStep(int seed)
    {
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var users = Enumerable.Range(0, 6).Select(u => $"s{seed}-user{u}").ToArray();
        var expected = users.ToDictionary(u => u, _ => new List<InteractionEvent>());
        var forgotten = new HashSet<string>();
        var clock = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
        var nextId = 0;
        for (var step = 0; step < 60; step++)
        {
            var roll = random.Next(100);
            var user = users[random.Next(users.Length)];
            if (roll < 60)
            {
                var batch = Enumerable.Range(0, random.Next(1, 5))
                    .Select(_ => new InteractionEvent(user, $"item{random.Next(12)}", EventType.Play, null, clock = clock.AddSeconds(1)) { EventId = $"e{nextId++}" })
                    .ToImmutableArray();
                if (random.Next(4) == 0)
                {
                    // A fault before or after storing: the sender retries the same batch.
                    if (random.Next(2) == 0) _log.FailBeforeStoring(1); else _log.FailAfterStoring(1);
                    await Assert.ThrowsAsync<StorageUnavailableException>(() => Grain(user).TrackAsync(batch).AsTask());
                    output.WriteLine($"{step}: fault on {batch.Length} events of {user}, retried");
                }

                await Grain(user).TrackAsync(batch);
                expected[user].AddRange(batch);
                forgotten.Remove(user);
            }
            else if (roll < 72)
            {
                await Grain(user).ForgetAsync();
                expected[user].Clear();
                forgotten.Add(user);
                output.WriteLine($"{step}: forgot {user}");
            }
            else if (roll < 78)
            {
                await _cluster.DeactivateAsync(Grain(user));
                output.WriteLine($"{step}: deactivated {user}");
            }
            else if (roll < 84)
            {
                await _cluster.RestartSiloAsync(_cluster.Silos[^1]);
                output.WriteLine($"{step}: restarted the second silo");
            }
            else if (expected.Values.Sum(e => e.Count) > 0)
            {
                var status = await TestClusters.TrainAsync(_cluster.Client);
                output.WriteLine($"{step}: trained version {status.Version} ({status.LastError ?? "ok"})");
            }

            await CheckAsync(step, expected, forgotten);
        }
    }

    private IUserGrain Grain(string user) => _cluster.Client.GetGrain<IUserGrain>(user);

    private async Task CheckAsync(int step, Dictionary<string, List<InteractionEvent>> expected, HashSet<string> forgotten)
    {
        var stats = await _log.CountAsync(CancellationToken.None);
        Assert.True(expected.Values.Sum(e => e.Count) == stats.Events, $"step {step}: the log counts {stats.Events} events");
        foreach (var (user, events) in expected)
        {
            var logged = await _log.ReadUserAsync(user, -1, CancellationToken.None);
            Assert.Equal(events.Select(e => e.EventId), logged.Select(e => e.Event.EventId));
            var profile = await Grain(user).GetProfileAsync();
            var newest = events.Skip(Math.Max(0, events.Count - HistoryLength)).Select(e => (e.ItemId, e.Timestamp));
            Assert.Equal(newest, profile.RecentHistory.Select(e => (e.ItemId, e.Timestamp)));
            Assert.Equal(events.Count, profile.CountsByType.GetValueOrDefault(EventType.Play));
            if (forgotten.Contains(user))
            {
                Assert.Empty(profile.RecentHistory);
            }
        }
    }
}
