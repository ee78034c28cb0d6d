using Microsoft.Extensions.Options;

namespace AIaaS.Grains.Options;

/// <summary>Validates <see cref="InferenceOptions"/> once at start, naming each bad value by its configuration key.</summary>
public sealed class InferenceOptionsValidator : IValidateOptions<InferenceOptions>
{
    public ValidateOptionsResult Validate(string? name, InferenceOptions options)
    {
        var failures = new List<string>();
        if (options.MaxBatchSize is < 1 or > 4096)
        {
            failures.Add($"{InferenceOptions.Section}:MaxBatchSize must be from 1 to 4096 (was {options.MaxBatchSize}).");
        }

        if (options.MaxQueuedRequests is < 1 or > 10_000_000)
        {
            failures.Add($"{InferenceOptions.Section}:MaxQueuedRequests must be from 1 to 10000000 (was {options.MaxQueuedRequests}).");
        }

        if (options.MaxQueueDelay < TimeSpan.Zero || options.MaxQueueDelay > TimeSpan.FromSeconds(1))
        {
            failures.Add($"{InferenceOptions.Section}:MaxQueueDelay must be from 00:00:00 to 00:00:01 (was {options.MaxQueueDelay}).");
        }

        if (options.RankingCandidates is < 1 or > 10_000)
        {
            failures.Add($"{InferenceOptions.Section}:RankingCandidates must be from 1 to 10000 (was {options.RankingCandidates}).");
        }

        if (!Enum.IsDefined(options.Scorer))
        {
            failures.Add($"{InferenceOptions.Section}:Scorer must be Managed, Onnx, OnnxPrepacked or OnnxUntiled (was {options.Scorer}).");
        }

        if (!Enum.IsDefined(options.Retrieval))
        {
            failures.Add($"{InferenceOptions.Section}:Retrieval must be Exact, Ann or Auto (was {options.Retrieval}).");
        }

        Range(failures, "AnnFromItems", options.AnnFromItems, 1, int.MaxValue);
        Range(failures, "AnnConnectivity", options.AnnConnectivity, 2, 256);
        Range(failures, "AnnExpansionAdd", options.AnnExpansionAdd, 1, 4096);
        Range(failures, "AnnExpansionSearch", options.AnnExpansionSearch, 1, 4096);
        Range(failures, "AnnOversample", options.AnnOversample, 1, 100);
        Range(failures, "AnnMaxCandidates", options.AnnMaxCandidates, 1, 1_000_000);

        if (!Enum.IsDefined(options.ExecutionProvider))
        {
            failures.Add($"{InferenceOptions.Section}:ExecutionProvider must be Cpu or Cuda (was {options.ExecutionProvider}).");
        }

        if (options.DeviceId < 0)
        {
            failures.Add($"{InferenceOptions.Section}:DeviceId must be 0 or more (was {options.DeviceId}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range(List<string> failures, string key, int value, int min, int max)
    {
        if (value < min || value > max) failures.Add($"{InferenceOptions.Section}:{key} must be from {min} to {max} (was {value}).");
    }
}
