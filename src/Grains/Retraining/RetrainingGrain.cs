using System.Collections.Immutable;
using AIaaS.Engine.Models;
using AIaaS.Engine.Onnx;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.InteractionLog;
using AIaaS.Grains.Models;
using AIaaS.Grains.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Utilities;

namespace AIaaS.Grains.Retraining;

/// <summary>
/// The cluster's retraining coordinator (key 0). One training at a time: it reads the log through the grain
/// path — after the first training only what the log gained since, keeping the earlier events as a matrix builder
/// (a few hundred MB at 10M events) unless entries were erased — trains off the grain's turn (the grain keeps answering status calls meanwhile), stores
/// the snapshot, then makes it current. A failed training leaves the current model serving and records
/// the error. Every silo's catalog watches this grain (<see cref="WatchAsync"/>) and is told of each new
/// version as soon as it is current; the silos' periodic renewal also catches a notification that was lost.
/// </summary>
[Reentrant]
public sealed class RetrainingGrain(
    [PersistentState("retraining")] IPersistentState<RetrainingState> state,
    ModelStore store,
    EngineStatsReader stats,
    IOptions<RetrainingOptions> retraining,
    IOptions<EngineOptions> engine,
    TimeProvider time,
    ILogger<RetrainingGrain> logger) : Grain, IRetrainingGrain, IRemindable
{
    private const string ReminderName = "retrain";
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

    public ValueTask<long> GetCurrentVersionAsync() => ValueTask.FromResult(state.State.CurrentVersion);

    public ValueTask<long> WatchAsync(IModelObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _watchers.Subscribe(observer, observer);
        return ValueTask.FromResult(state.State.CurrentVersion);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status) => await TriggerAsync("reminder");

    private async Task CheckThresholdAsync(CancellationToken cancellationToken)
    {
        if (_training is { IsCompleted: false })
        {
            return;
        }

        var newEvents = await stats.CountEventsAsync() - state.State.EventsAtLastModel;
        if (newEvents >= _options.EventThreshold)
        {
            await TriggerAsync($"{newEvents} new events");
        }
    }

    private async Task TrainAsync()
    {
        try
        {
            _progress = "reading the interaction log";
            var started = System.Diagnostics.Stopwatch.GetTimestamp();

            // The events of the previous training are kept; only what the log gained since is read, unless entries
            // were erased from the log (or this activation is new), which starts from the beginning.
            var earlier = _data;
            _data = null;
            var (data, read, addSeconds) = await TrainingDataReader.ReadAsync(
                GrainFactory, engine.Value, _options.ReadPageSize, earlier, count => _progress = $"reading the interaction log: {count} events");
            var builder = data.Builder;
            var watermark = (long[])data.ReadThrough.Clone();
            var readSeconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
            var version = state.State.CurrentVersion + 1;
            var events = builder.Interactions;
            _progress = $"training version {version} on {events} events";

            // Building the matrix and the factorization are CPU-bound Engine work: on the thread pool, never on the grain's turn.
            var options = _options.ToAlsOptions();
            var (snapshot, trainSeconds) = await Task.Run(() =>
            {
                var trainStarted = System.Diagnostics.Stopwatch.GetTimestamp();
                var trained = ModelTrainer.Train(builder, options, version, watermark, time);
                return (trained, System.Diagnostics.Stopwatch.GetElapsedTime(trainStarted).TotalSeconds);
            });
            var engineSeconds = addSeconds + trainSeconds;

            // Exported once here and stored with the snapshot, so that no silo spends its serving CPU on it.
            _progress = $"exporting version {version} to ONNX";
            var exportStarted = System.Diagnostics.Stopwatch.GetTimestamp();
            var graph = await Task.Run(() => OnnxScoringGraph.ToBytes(snapshot));
            var exportSeconds = System.Diagnostics.Stopwatch.GetElapsedTime(exportStarted).TotalSeconds;
            _progress = $"saving version {version}";
            await store.SaveAsync(new StoredModel(snapshot, graph), CancellationToken.None);

            var s = state.State;
            s.CurrentVersion = version;
            s.TrainedAt = snapshot.TrainedAt;
            s.Users = snapshot.UserCount;
            s.Items = snapshot.ItemCount;
            s.Factors = snapshot.Factors;
            s.Metrics = new Dictionary<string, double>(snapshot.Metrics)
            {
                ["readSeconds"] = readSeconds,
                ["engineSeconds"] = engineSeconds,
                ["readEvents"] = read,
                ["exportSeconds"] = exportSeconds,
                ["totalSeconds"] = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds,
            };
            s.EventsAtLastModel = events;
            _data = data;

            s.LastError = null;
            s.LastErrorAt = null;
            await state.WriteStateAsync();
            await _watchers.Notify(watcher => watcher.ModelPublished(version));
            Log.RetrainingFinished(logger, version, snapshot.ItemCount, snapshot.Metrics["trainSeconds"]);
        }
        catch (Exception ex)
        {
            state.State.LastError = ex.Message;
            state.State.LastErrorAt = time.GetUtcNow();
            Log.RetrainingFailed(logger, ex);
            await state.WriteStateAsync();
        }
        finally
        {
            _progress = null;
        }
    }
}
