using System.Net;
using System.Net.Sockets;
using AIaaS.Grains;
using AIaaS.Storage;
using Microsoft.Extensions.Hosting;

namespace AIaaS.Client.IntegrationTests;

/// <summary>A real silo host listening on free loopback ports, for clients that connect through a gateway.</summary>
public sealed class LoopbackSiloFixture : IAsyncLifetime
{
    public string ClusterId { get; } = $"client-e2e-{Guid.NewGuid():N}";

    public int GatewayPort { get; } = FreePort();

    public IHost Silo { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(FreePort(), GatewayPort, serviceId: ClusterId, clusterId: ClusterId)
            .AddMemoryGrainStorageAsDefault()
            .AddMemoryEngineStorage()
            .AddRecommendationEngine());
        Silo = builder.Build();
        await Silo.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Silo.StopAsync();
        Silo.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
