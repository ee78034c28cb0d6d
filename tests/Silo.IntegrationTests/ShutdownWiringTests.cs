using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace AIaaS.Silo.IntegrationTests;

[Collection(SiloCollection.Name)]
public sealed class ShutdownWiringTests(SiloFactory factory)
{
    [Fact]
    public void Services_DefaultShutdownTimeout_HostStopsWithinItAndDeactivationsWithinHalf()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), factory.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        Assert.Equal(TimeSpan.FromSeconds(15), factory.Services.GetRequiredService<IOptions<GrainCollectionOptions>>().Value.DeactivationTimeout);
    }
}
