using AIaaS.Engine.Models;

namespace AIaaS.Engine.UnitTests.Models;

public sealed class ItemIdIndexTests
{
    /// <summary>
    /// Builders filled in parallel share one index and check each number against its count: a number one thread reads
    /// without the lock must already be counted, or that builder refuses an item the index did give.
    /// </summary>
    [Fact]
    public void IndexOf_ThreadsNumberingTheSameIds_EveryNumberSeenIsCounted()
    {
        const int Ids = 200_000, Threads = 4;
        var index = new ItemIdIndex();
        var ids = Enumerable.Range(0, Ids).Select(i => $"item{i}").ToArray();

        var uncounted = new int[Threads];
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, thread =>
        {
            foreach (var id in ids)
            {
                if (index.IndexOf(id) >= index.Count)
                {
                    uncounted[thread]++;
                }
            }
        });

        Assert.All(uncounted, count => Assert.Equal(0, count));
        Assert.Equal(Ids, index.Count);
        Assert.Equal(ids.Order(StringComparer.Ordinal), index.ToArray().Order(StringComparer.Ordinal));
    }
}
