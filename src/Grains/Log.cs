using Microsoft.Extensions.Logging;

namespace AIaaS.Grains;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "Publishing trending items failed; retrying at the next interval")]
    public static partial void TrendingPublishFailed(ILogger logger, Exception exception);

    [LoggerMessage(2, LogLevel.Information, "Forgot user {UserId}: {LogEntries} log entries erased")]
    public static partial void UserForgotten(ILogger logger, string userId, int logEntries);

    [LoggerMessage(3, LogLevel.Information, "Loaded model version {Version} with {Items} items ({Graph})")]
    public static partial void ModelLoaded(ILogger logger, long version, int items, string graph);

    [LoggerMessage(4, LogLevel.Warning, "Refreshing the model catalog failed; retrying at the next interval")]
    public static partial void ModelRefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(5, LogLevel.Information, "Retraining started ({Reason})")]
    public static partial void RetrainingStarted(ILogger logger, string reason);

    [LoggerMessage(6, LogLevel.Information, "Retraining finished: version {Version}, {Items} items, trained in {Seconds:F2} s")]
    public static partial void RetrainingFinished(ILogger logger, long version, int items, double seconds);

    [LoggerMessage(7, LogLevel.Error, "Retraining failed; the current model keeps serving")]
    public static partial void RetrainingFailed(ILogger logger, Exception exception);

    [LoggerMessage(8, LogLevel.Warning, "AIaaS:Inference:ExecutionProvider is Cuda but CUDA is not available ({Reason}); running ONNX Runtime on CPU because AIaaS:Inference:FallbackToCpu is true")]
    public static partial void CudaFallback(ILogger logger, string reason);

    [LoggerMessage(9, LogLevel.Error, "The ranking model {Path} could not be used; serving with the built-in scorer")]
    public static partial void RankingModelRejected(ILogger logger, string path, Exception exception);

    [LoggerMessage(10, LogLevel.Information, "Inference: {Scorer} scorer on {Provider}, batches of up to {MaxBatchSize}, ranking model {RankingModel}")]
    public static partial void InferenceStarted(ILogger logger, string scorer, string provider, int maxBatchSize, string rankingModel);

    [LoggerMessage(11, LogLevel.Warning, "The stored ONNX graph of model version {Version} does not match its snapshot; this silo exports its own")]
    public static partial void StoredGraphRejected(ILogger logger, long version);

    [LoggerMessage(12, LogLevel.Warning, "Loading model version {Version} after a notification failed; the next refresh retries")]
    public static partial void NotifiedRefreshFailed(ILogger logger, long version, Exception exception);

    [LoggerMessage(20, LogLevel.Information, "Retraining: {Events} new events since the current model")]
    public static partial void RetrainingThreshold(ILogger logger, long events);

    [LoggerMessage(21, LogLevel.Error, "Retraining failed and its state could not be saved either")]
    public static partial void RetrainingStateNotSaved(ILogger logger, Exception exception);

    [LoggerMessage(22, LogLevel.Information, "Deleted {Deleted} model versions past the newest {Retain}")]
    public static partial void ModelsPruned(ILogger logger, int deleted, int retain);

    [LoggerMessage(23, LogLevel.Warning, "Deleting old model versions failed; the next training tries again")]
    public static partial void ModelPruneFailed(ILogger logger, Exception exception);

    [LoggerMessage(24, LogLevel.Warning, "Reading the item catalog's changes failed; retrying at the next interval")]
    public static partial void CatalogRefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(25, LogLevel.Information, "Built the item index of model version {Version}: {Items} items in {Seconds:F1} s")]
    public static partial void ItemIndexBuilt(ILogger logger, long version, int items, double seconds);

    [LoggerMessage(26, LogLevel.Warning, "Model version {Version} was published without the item index its retrieval setting asks for; building it on the scoring loop")]
    public static partial void ItemIndexBuiltLate(ILogger logger, long version);

    [LoggerMessage(27, LogLevel.Warning, "Scoring once against model version {Version} to build its scorer failed; the first request builds it")]
    public static partial void WarmUpFailed(ILogger logger, long version, Exception exception);

    [LoggerMessage(28, LogLevel.Information, "Loaded the item index stored with model version {Version}: {Items} items in {Seconds:F1} s")]
    public static partial void ItemIndexLoaded(ILogger logger, long version, int items, double seconds);

    [LoggerMessage(29, LogLevel.Warning, "The item index stored with model version {Version} could not be used; building it on this silo")]
    public static partial void StoredItemIndexRejected(ILogger logger, long version, Exception exception);
}
