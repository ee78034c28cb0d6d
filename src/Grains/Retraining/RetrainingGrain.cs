using System.Collections.Immutable;
using AIaaS.Engine.Models;
using AIaaS.Engine.Onnx;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Inference;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.InteractionLog;
using AIaaS.Grains.Models;
using AIaaS.Grains.Options;
using AIaaS.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Utilities;

namespace AIaaS.Grains.Retraining;

/// <summary>
/// The cluster's retraining coordinator (key 0). One training at a time: it reads the log store — after the first
/// training only what the log gained since, keeping the earlier events as matrix builders (a few hundred MB at 10M
/// events) from which erased users are dropped — trains off the grain's turn (the grain keeps answering status
/// calls meanwhile), stores the snapshot under a version number reserved durably beforehand, makes it current and
/// deletes versions past the retention. A failed training leaves the current model serving, records the error and
/// backs automatic retraining off exponentially. Every silo's catalog watches this grain (<see cref="WatchAsync"/>) and is told of each new
/// version as soon as it is current; the silos' periodic renewal also catches a notification that was lost.
/// </summary>
[Reentrant]
public sealed class RetrainingGrain(
    [PersistentState("retraining")] IPersistentState<RetrainingState> state,
    IModelStore store,
    IInteractionLogStore log,
    IItemCatalogStore catalog,
    EngineStatsReader stats,
    IOptions<RetrainingOptions> retraining,
    IOptions<EngineOptions> engine,
    IOptions<InferenceOptions> inference,
    TimeProvider time,
    ILogger<RetrainingGrain> logger) : Grain, IRetrainingGrain, IRemindable
{
    private const string ReminderName = "retrain";
    private const string ReminderReason = "reminder";
    private const string ThresholdReason = "threshold";
    private readonly RetrainingOptions _options = retraining.Value;
    private readonly ObserverManager<IModelObserver> _watchers = new(engine.Value.ModelSubscriptionLifetime, logger);
    private Task? _training;
    private string? _progress;
    private IGrainTimer? _thresholdTimer;

    // The events the last successful training used; the next one reads only what the log gained since.
    private TrainingData? _data;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await this.RegisterOrUpdateReminder(ReminderName, _options.Interval, _options.Interval, cancellationToken);
        _thresholdTimer = this.RegisterGrainTimer(
            CheckThresholdAsync,
            new GrainTimerCreationOptions(_options.ThresholdCheckInterval, _options.ThresholdCheckInterval) { Interleave = true });
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _thresholdTimer?.Dispose();
        return Task.CompletedTask;
    }

    public ValueTask<bool> TriggerAsync(string reason)
    {
        if (_training is { IsCompleted: false })
        {
            return ValueTask.FromResult(false);
        }

        if (reason is ReminderReason or ThresholdReason && time.GetUtcNow() < NextAutomaticAttempt)
        {
            return ValueTask.FromResult(false);
        }

        Log.RetrainingStarted(logger, reason);
        _training = TrainAsync();
        return ValueTask.FromResult(true);
    }

    public ValueTask<ModelStatus> GetStatusAsync()
    {
        var s = state.State;
        return ValueTask.FromResult(new ModelStatus(
            s.CurrentVersion > 0 ? s.CurrentVersion : null,
            s.TrainedAt,
            s.Users,
            s.Items,
            s.Factors,
            s.Metrics.ToImmutableDictionary(),
            _training is { IsCompleted: false },
            _progress,
            s.LastError,
            s.LastErrorAt));
    }

    public ValueTask<ImmutableArray<TrainedVersion>> GetHistoryAsync()
    {
        var history = state.State.History;
        var newestFirst = ImmutableArray.CreateBuilder<TrainedVersion>(history.Count);
        for (var i = history.Count - 1; i >= 0; i--)
        {
            newestFirst.Add(history[i]);
        }

        return ValueTask.FromResult(newestFirst.MoveToImmutable());
    }

    public ValueTask<long> GetCurrentVersionAsync() => ValueTask.FromResult(state.State.CurrentVersion);

    public ValueTask<long> WatchAsync(IModelObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _watchers.Subscribe(observer, observer);
        return ValueTask.FromResult(state.State.CurrentVersion);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status) => await TriggerAsync(ReminderReason);

    private async Task CheckThresholdAsync(CancellationToken cancellationToken)
    {
        if (_training is { IsCompleted: false } || time.GetUtcNow() < NextAutomaticAttempt)
        {
            return;
        }

        var newEvents = await stats.CountEventsAsync() - state.State.EventsAtLastModel;
        if (newEvents >= _options.EventThreshold)
        {
            Log.RetrainingThreshold(logger, newEvents);
            await TriggerAsync(ThresholdReason);
        }
    }

    private DateTimeOffset NextAutomaticAttempt =>
        FailureBackoff.NextAttempt(state.State.LastErrorAt ?? DateTimeOffset.MinValue, state.State.ConsecutiveFailures, _options);

    private async Task TrainAsync()
    {
        var previous = (state.State.CurrentVersion, state.State.ReservedVersion);
        try
        {
            // The number is taken durably before anything is trained: once written it names at most one model.
            var version = Math.Max(state.State.CurrentVersion, state.State.ReservedVersion) + 1;
            state.State.ReservedVersion = version;
            await state.WriteStateAsync();

            _progress = "reading the interaction log";
            var started = System.Diagnostics.Stopwatch.GetTimestamp();

            // The events of the previous training are kept (minus erased users); only what the log gained since is read.
            var data = _data ?? new TrainingData(engine.Value.LogPartitions);
            _data = null;
            // The readers report from the thread pool: only a status line is written, and the last write wins.
            var read = await TrainingDataReader.ExtendAsync(
                log, engine.Value, _options.ReadPageSize, data, count => _progress = $"reading the interaction log: {count} events", CancellationToken.None);
            var builders = data.Builders;
            var watermark = (long[])data.ReadThrough.Clone();
            var features = await CatalogFeatureReader.ReadAsync(catalog, CancellationToken.None);
            var readSeconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
            var events = data.Interactions;
            _progress = $"training version {version} on {events} events";

            // Building the matrix and the factorization are CPU-bound Engine work: on the thread pool, never on the grain's turn.
            var options = _options.ToAlsOptions();
            var (snapshot, trainSeconds) = await Task.Run(() =>
            {
                var trainStarted = System.Diagnostics.Stopwatch.GetTimestamp();
                var trained = ModelTrainer.Train(builders, options, version, watermark, time, features);
                return (trained, System.Diagnostics.Stopwatch.GetElapsedTime(trainStarted).TotalSeconds);
            });

            // Exported once here and stored with the snapshot, so that no silo spends its serving CPU on it.
            _progress = $"exporting version {version} to ONNX";
            var exportStarted = System.Diagnostics.Stopwatch.GetTimestamp();
            var graph = await Task.Run(() => OnnxScoringGraph.ToBytes(snapshot));
            var exportSeconds = System.Diagnostics.Stopwatch.GetElapsedTime(exportStarted).TotalSeconds;

            // Built once here and stored with the version when its catalog is served approximately: a silo reads it
            // back in about a second at a million items, where building it takes minutes (docs/benchmarks.md).
            var retrieval = new RetrievalPolicy(inference.Value);
            byte[]? index = null;
            var indexSeconds = 0.0;
            if (retrieval.UsesAnn(snapshot.ItemCount))
            {
                _progress = $"indexing version {version}'s {snapshot.ItemCount} items";
                var indexStarted = System.Diagnostics.Stopwatch.GetTimestamp();
                index = await Task.Run(() => retrieval.BuildStoredIndex(snapshot));
                indexSeconds = System.Diagnostics.Stopwatch.GetElapsedTime(indexStarted).TotalSeconds;
            }

            _progress = $"saving version {version}";
            await store.SaveAsync(new StoredModel(snapshot, graph, index), CancellationToken.None);

            var s = state.State;
            s.CurrentVersion = version;
            s.TrainedAt = snapshot.TrainedAt;
            s.Users = snapshot.UserCount;
            s.Items = snapshot.ItemCount;
            s.Factors = snapshot.Factors;
            s.Metrics = new Dictionary<string, double>(snapshot.Metrics)
            {
                ["readSeconds"] = readSeconds,
                ["engineSeconds"] = trainSeconds,
                ["readEvents"] = read,
                ["exportSeconds"] = exportSeconds,
                ["totalSeconds"] = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds,
            };
            if (index is not null)
            {
                s.Metrics["indexSeconds"] = indexSeconds;
                s.Metrics["indexBytes"] = index.Length;
            }

            s.EventsAtLastModel = events;
            ModelHistory.Add(s.History, new TrainedVersion(
                version, snapshot.TrainedAt, snapshot.UserCount, snapshot.ItemCount, snapshot.Factors, events,
                snapshot.Metrics["trainSeconds"], s.Metrics["totalSeconds"]));
            _data = data;

            s.LastError = null;
            s.LastErrorAt = null;
            s.ConsecutiveFailures = 0;
            await state.WriteStateAsync();
            await _watchers.Notify(watcher => watcher.ModelPublished(version));
            Log.RetrainingFinished(logger, version, snapshot.ItemCount, snapshot.Metrics["trainSeconds"]);
            await PruneAsync(version);
        }
#pragma warning disable CA1031 // Any failure of a training leaves the current model serving and is reported in the status.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // Nothing of a failed training is announced: the served version is what it was before.
            var s = state.State;
            s.CurrentVersion = previous.CurrentVersion;
            s.ReservedVersion = Math.Max(s.ReservedVersion, previous.ReservedVersion);
            s.LastError = ex.Message;
            s.LastErrorAt = time.GetUtcNow();
            s.ConsecutiveFailures++;
            Log.RetrainingFailed(logger, ex);
            try
            {
                await state.WriteStateAsync();
            }
#pragma warning disable CA1031 // The storage that failed the training may fail this write too; the error stays in memory for the status.
            catch (Exception writeFailure)
#pragma warning restore CA1031
            {
                Log.RetrainingStateNotSaved(logger, writeFailure);
            }
        }
        finally
        {
            _progress = null;
        }
    }

    private async Task PruneAsync(long current)
    {
        try
        {
            var deleted = await ModelRetention.PruneAsync(store, current, _options.Retain, CancellationToken.None);
            if (deleted > 0)
            {
                Log.ModelsPruned(logger, deleted, _options.Retain);
            }
        }
#pragma warning disable CA1031 // Old versions left behind are deleted after the next training; serving is not affected.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.ModelPruneFailed(logger, ex);
        }
    }
}
