using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Runtime;
using AIaaS.Grains.Models;
using AIaaS.Silo.Options;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace AIaaS.Silo.Serving;

/// <summary>
/// Sends the silo's own HTTP API the requests it serves most (a user's recommendations, an anonymous session's
/// scored against the model) before readiness reports ready. After a restart every request starts cold: without this
/// the first second's requests waited ~300 ms for the request path to be compiled (docs/benchmarks.md, "Eighth
/// pass"). Waiting for the JIT's background recompilation to go quiet as well was tried and dropped: it made readiness
/// 2–9 s later and took nothing off the tail. Only reads: the users asked for are ids with no events, and a session
/// stores nothing.
/// </summary>
public sealed partial class ServingWarmUp(
    IServer server,
    IHostApplicationLifetime lifetime,
    ModelCatalogRefresher models,
    ModelCatalog catalog,
    IOptions<ApiOptions> options,
    ILogger<ServingWarmUp> logger) : BackgroundService
{
    /// <summary>Requests of each kind: past the 30 calls after which .NET recompiles a method optimized.</summary>
    public const int Rounds = 40;

    /// <summary>The prefix of the user ids the warm-up asks for; such a user is read, never written.</summary>
    public const string UserPrefix = "aiaas-warm-up-";

    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Whether the warm-up has ended, done, skipped, failed or out of time; readiness waits for it.</summary>
    public bool IsComplete => _done.Task.IsCompleted;

    /// <summary>The requests the warm-up sent (0 when it was off or skipped).</summary>
    public int Requests => _requests;

    /// <summary>
    /// Of <see cref="Requests"/>, those answered with a success: a request refused (a session the API rejects, a
    /// rate limit) warms the HTTP stack only, not the recommendation path behind it.
    /// </summary>
    public int Answered => _answered;

    private int _requests;
    private int _answered;

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var seconds = options.Value.WarmUpSeconds;
            if (seconds == 0)
            {
                return;
            }

            if (!await StartedAsync(stoppingToken))
            {
                return;
            }

            if (WarmUpAddress.From(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []) is not { } address)
            {
                LogSkipped(logger, "the API listens on no plain-HTTP address");
                return;
            }

            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            deadline.CancelAfter(TimeSpan.FromSeconds(seconds));
            await RunAsync(address, deadline.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            LogOutOfTime(logger, options.Value.WarmUpSeconds);
        }
#pragma warning disable CA1031 // A failed warm-up only leaves the first requests to compile the path, as without it.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogFailed(logger, ex);
        }
        finally
        {
            _done.TrySetResult();
        }
    }

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task RunAsync(Uri address, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var compiledBefore = JitInfo.GetCompiledMethodCount();

        // The session is scored against the model readiness will serve, so that model is loaded first.
        await LoadModelAsync(cancellationToken);
        var session = catalog.Current?.Snapshot.ItemIds is { Length: > 0 } items ? SessionBody(items) : null;

        using var client = new HttpClient { BaseAddress = address, Timeout = Timeout.InfiniteTimeSpan };
        for (var round = 0; round < Rounds; round++)
        {
            using (var user = await client.GetAsync($"v1/users/{UserPrefix}{round % 4}/recommendations?count=10", cancellationToken))
            {
                Count(user);
                if (user.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    // API keys are required and the silo holds none to present: the HTTP stack is warm, the grains are not.
                    LogSkipped(logger, $"the API answered {(int)user.StatusCode} (API keys are required)");
                    return;
                }
            }

            if (session is not null)
            {
                using var scored = await client.PostAsJsonAsync("v1/sessions/recommendations", session, cancellationToken);
                Count(scored);
            }
        }

        LogDone(logger, Stopwatch.GetElapsedTime(started).TotalMilliseconds, _requests, _answered, JitInfo.GetCompiledMethodCount() - compiledBefore, session is not null);
    }

    private void Count(HttpResponseMessage response)
    {
        _requests++;
        if (response.IsSuccessStatusCode)
        {
            _answered++;
        }
    }

    /// <summary>
    /// Catches the model catalog up with the cluster, again every 200 ms until the deadline while the call fails: a
    /// silo that has only just joined may not reach the retraining grain at once.
    /// </summary>
    private async Task LoadModelAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await models.RefreshAsync(cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }
    }

    /// <summary>A session of the model's first items, viewed: enough for a vector to be folded in and scored.</summary>
    private static object SessionBody(string[] items) => new
    {
        events = items.Take(5).Select(item => new { itemId = item, type = "view" }).ToArray(),
        count = 10,
    };

    [LoggerMessage(20, LogLevel.Information, "Warmed up the serving path in {Milliseconds:F0} ms: {Requests} requests to this silo's API ({Answered} answered with a success), {Compiled} methods compiled, model scored: {Scored}")]
    private static partial void LogDone(ILogger logger, double milliseconds, int requests, int answered, long compiled, bool scored);

    [LoggerMessage(21, LogLevel.Information, "Serving warm-up skipped: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string reason);

    [LoggerMessage(22, LogLevel.Warning, "Serving warm-up stopped after AIaaS:Api:WarmUpSeconds ({Seconds} s); readiness goes on without it")]
    private static partial void LogOutOfTime(ILogger logger, int seconds);

    [LoggerMessage(23, LogLevel.Warning, "Serving warm-up failed; readiness goes on without it")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
