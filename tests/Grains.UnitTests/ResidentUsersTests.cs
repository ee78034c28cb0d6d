using System.Reflection;
using AIaaS.Grains.Options;
using AIaaS.Grains.Users;
using Microsoft.Extensions.Options;

namespace AIaaS.Grains.UnitTests;

public sealed class ResidentUsersTests
{
    [Fact]
    public void Admit_WithoutLimit_TracksNothing()
    {
        var residents = Residents(limit: 0);

        Assert.Null(residents.Admit(RecordingGrain.Create()));
        Assert.Equal(0, residents.Count);
    }

    [Fact]
    public void Admit_PastTheLimit_PassesOverUsersCalledSinceTheLastEviction()
    {
        var residents = Residents(limit: 3);
        var grains = Enumerable.Range(0, 4).Select(_ => RecordingGrain.Create()).ToList();
        var admitted = grains.Select(residents.Admit).ToList();
        var survivors = Enumerable.Range(0, 4).Where(i => RecordingGrain.Deactivations(grains[i]) == 0).ToList();
        Assert.Equal(3, survivors.Count);

        // The first eviction passed over (and so un-marked) the others; two are called since, one is not.
        admitted[survivors[0]]!.Touch();
        admitted[survivors[2]]!.Touch();
        var fifth = RecordingGrain.Create();
        residents.Admit(fifth);

        Assert.Equal(1, RecordingGrain.Deactivations(grains[survivors[1]]));
        Assert.Equal(0, RecordingGrain.Deactivations(grains[survivors[0]]) + RecordingGrain.Deactivations(grains[survivors[2]]) + RecordingGrain.Deactivations(fifth));
        Assert.Equal(3, residents.Count);
    }

    [Fact]
    public void Admit_ManyPastTheLimit_KeepsTheCountAtTheLimitAndAsksEachOnce()
    {
        var residents = Residents(limit: 10);
        var grains = new List<IGrainContext>();
        for (var i = 0; i < 100; i++)
        {
            var grain = RecordingGrain.Create();
            grains.Add(grain);
            residents.Admit(grain);
            Assert.True(residents.Count <= 10, $"{residents.Count} residents after {i + 1} admitted");
        }

        Assert.Equal(90, grains.Sum(RecordingGrain.Deactivations));
        Assert.All(grains, grain => Assert.InRange(RecordingGrain.Deactivations(grain), 0, 1));
    }

    [Fact]
    public void Release_OfAUserThatLeftOnItsOwn_FreesItsPlaceOnce()
    {
        var residents = Residents(limit: 2);
        var first = residents.Admit(RecordingGrain.Create())!;
        residents.Admit(RecordingGrain.Create());

        first.Release();
        first.Release();
        var third = RecordingGrain.Create();
        residents.Admit(third);

        Assert.Equal(2, residents.Count);
        Assert.Equal(0, RecordingGrain.Deactivations(third));
    }

    [Fact]
    public void Validate_NegativeLimit_NamesTheSetting()
    {
        var result = new EngineOptionsValidator().Validate(null, new EngineOptions { MaxActiveUsers = -1 });

        Assert.Equal("AIaaS:Engine:MaxActiveUsers must be from 0 to 100000000 (was -1).", Assert.Single(result.Failures!));
    }

    private static ResidentUsers Residents(int limit) => new(Microsoft.Extensions.Options.Options.Create(new EngineOptions { MaxActiveUsers = limit }));

    /// <summary>A grain context that counts the deactivations asked of it and supports nothing else.</summary>
    public class RecordingGrain : DispatchProxy
    {
        private int _deactivations;

        public static IGrainContext Create() => DispatchProxy.Create<IGrainContext, RecordingGrain>();

        public static int Deactivations(IGrainContext grain) => ((RecordingGrain)(object)grain)._deactivations;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod?.Name == nameof(IGrainContext.Deactivate))
            {
                _deactivations++;
                return null;
            }

            throw new NotSupportedException(targetMethod?.Name);
        }
    }
}
