using System.Collections.Immutable;
using AIaaS.Engine.Models;
using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Grains.InteractionLog;
using AIaaS.Grains.Models;
using AIaaS.Grains.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace AIaaS.Grains.Retraining;

/// <summary>
/// The cluster's retraining coordinator (key 0). One training at a time: it reads the whole log through
/// the grain path, trains off the grain's turn (the grain keeps answering status calls meanwhile), stores
/// the snapshot, then makes it current. A failed training leaves the current model serving and records
/// the error. Silos pick up a new version within their refresh interval.
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
    private Task? _training;
    private string? _progress;
    private IGrainTimer? _thresholdTimer;

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
            var (pages, watermark) = await TrainingDataReader.ReadAsync(GrainFactory, engine.Value, _options.ReadPageSize, read => _progress = $"reading the interaction log: {read} events");
            var readSeconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
            var version = state.State.CurrentVersion + 1;
            var events = pages.Sum(page => page.Length);
            _progress = $"training version {version} on {events} events";

            // Building the matrix and the factorization are CPU-bound Engine work: on the thread pool, never on the grain's turn.
            var options = _options.ToAlsOptions();
            var weights = engine.Value;
            var (snapshot, engineSeconds) = await Task.Run(() =>
            {
                var engineStarted = System.Diagnostics.Stopwatch.GetTimestamp();
                var builder = new InteractionMatrixBuilder();
                foreach (var page in pages)
                {
                    foreach (var logged in page)
                    {
                        builder.Add(logged.Event.UserId, logged.Event.ItemId, (float)weights.WeightOf(logged.Event));
                    }
                }

                var trained = ModelTrainer.Train(builder, options, version, watermark, time);
                return (trained, System.Diagnostics.Stopwatch.GetElapsedTime(engineStarted).TotalSeconds);
            });
            _progress = $"saving version {version}";
            await store.SaveAsync(snapshot, CancellationToken.None);

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
                ["totalSeconds"] = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds,
            };
            s.EventsAtLastModel = events;
            s.LastError = null;
            s.LastErrorAt = null;
            await state.WriteStateAsync();
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
