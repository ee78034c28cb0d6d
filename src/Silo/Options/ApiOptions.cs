using AIaaS.Grains.Interfaces;

namespace AIaaS.Silo.Options;

/// <summary>Limits of the HTTP API, bound from the <see cref="Section"/> section.</summary>
public sealed class ApiOptions
{
    public const string Section = "AIaaS:Api";

    /// <summary>
    /// Bytes per id character in the worst case: a <c>\uXXXX</c> escape. System.Text.Json's default encoder escapes
    /// every non-ASCII character, and a surrogate pair is two escapes for two UTF-16 code units, so no valid id costs
    /// more than 6 bytes per character.
    /// </summary>
    public const int EscapedCharBytes = 6;

    /// <summary>
    /// The rest of one event: property names and punctuation (73 bytes), type (8 characters, 48 escaped), value (15),
    /// timestamp (33 characters, 198 escaped); rounded up to leave room for whitespace.
    /// </summary>
    public const int EventFieldsBytes = 512;

    /// <summary>One event of maximal size: userId, itemId and eventId at their longest, every character escaped.</summary>
    public const int MaxEventBytes = ((2 * EventRules.MaxIdLength) + EventRules.MaxEventIdLength) * EscapedCharBytes + EventFieldsBytes;

    /// <summary>What a batch of <see cref="EventRules.MaxBatchSize"/> maximal events needs, with 1 KB for the envelope: 43,521,024 bytes.</summary>
    public const long DefaultMaxRequestBodyBytes = ((long)EventRules.MaxBatchSize * MaxEventBytes) + 1024;

    /// <summary>
    /// A larger body is answered 413 before it is parsed. The default admits the largest valid POST /v1/events;
    /// lowering it caps the memory one request can take at the cost of rejecting large batches of long ids.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;

    /// <summary>The most <see cref="WarmUpSeconds"/> may be.</summary>
    public const int MaxWarmUpSeconds = 300;

    /// <summary>
    /// How long the silo may spend, after it starts and before readiness reports ready, sending its own API the
    /// requests it serves most so that their code is compiled before users wait for it; 0 turns the warm-up off.
    /// </summary>
    public int WarmUpSeconds { get; set; } = 10;
}
