using System.Collections.Immutable;
using System.Data.Common;
using AIaaS.Grains.Storage;

namespace AIaaS.Storage.Shared;

/// <summary>Reads that are the same on every database once the command is built.</summary>
internal static class StoreReads
{
    /// <summary>The rows of <c>SELECT id, user_id FROM …erasures … ORDER BY id</c>.</summary>
    public static async Task<ImmutableArray<Erasure>> ErasuresAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var erasures = ImmutableArray.CreateBuilder<Erasure>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            erasures.Add(new Erasure(reader.GetInt64(0), reader.GetString(1)));
        }

        return erasures.ToImmutable();
    }

    /// <summary>The first column of every row, as numbers.</summary>
    public static async Task<ImmutableArray<long>> NumbersAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var numbers = ImmutableArray.CreateBuilder<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            numbers.Add(reader.GetInt64(0));
        }

        return numbers.ToImmutable();
    }
}
