using System.IO.Hashing;
using System.Text;

namespace AIaaS.Grains.InteractionLog;

/// <summary>Assigns a user to a log partition by a hash that is the same in every process and version.</summary>
public static class LogPartitioner
{
    public static int PartitionOf(string userId, int partitions)
    {
        var hash = XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(userId));
        return (int)(hash % (ulong)partitions);
    }
}
