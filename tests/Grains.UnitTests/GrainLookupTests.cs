using AIaaS.Grains.Interfaces;

namespace AIaaS.Grains.UnitTests;

[Collection(ClusterCollection.Name)]
public sealed class GrainLookupTests(ClusterFixture fixture)
{
    [Fact]
    public void ByKey_FirstAndLaterCalls_GiveTheReferencesGetGrainGives()
    {
        foreach (var key in new[] { "lookup-a", "lookup-b", "lookup-ü/1" })
        {
            var expected = (GrainReference)(object)fixture.Client.GetGrain<IUserGrain>(key);
            var found = (GrainReference)(object)fixture.Client.ByKey<IUserGrain>(key);

            Assert.Equal(expected.GrainId, found.GrainId);
            Assert.Equal(expected.InterfaceType, found.InterfaceType);
            Assert.Equal(expected, found);
        }

        var item = (GrainReference)(object)fixture.Client.ByKey<IItemGrain>("lookup-a");
        Assert.Equal(((GrainReference)(object)fixture.Client.GetGrain<IItemGrain>("lookup-a")).GrainId, item.GrainId);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void ByKey_BlankKeyAfterTheTypesAreKnown_ThrowsAsGetGrainDoes(string key)
    {
        _ = fixture.Client.ByKey<IUserGrain>("lookup-known");

        Assert.ThrowsAny<ArgumentException>(() => fixture.Client.GetGrain<IUserGrain>(key));
        Assert.ThrowsAny<ArgumentException>(() => fixture.Client.ByKey<IUserGrain>(key));
    }

    [Fact]
    public async Task ByKey_Reference_ReachesTheGrain()
    {
        var profile = await fixture.Client.ByKey<IUserGrain>("lookup-profile").GetProfileAsync();

        Assert.Equal("lookup-profile", profile.UserId);
    }
}
