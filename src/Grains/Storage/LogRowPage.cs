namespace AIaaS.Grains.Storage;

/// <summary>
/// What a partition read handed to its sink: how many rows, the last row's sequence (the read's start when none), and
/// <see cref="IsEnd"/> when the partition held no more.
/// </summary>
public readonly record struct LogRowPage(int Rows, long LastSequence, bool IsEnd);
