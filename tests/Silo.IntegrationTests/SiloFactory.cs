using System.Net;
using System.Net.Sockets;
using AIaaS.Grains.Trending;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AIaaS.Silo.IntegrationTests;

/// <summary>The real silo host (Program) with its Orleans ports moved to free loopback ports.</summary>
public class SiloFactory : WebApplicationFactory<Program>
{
    /// <summary>The embedded default's data folder, fresh for each factory and deleted with it.</summary>
    public string DataPath { get; } = Directory.CreateTempSubdirectory("aiaas-http-tests-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("AIaaS:DataPath", DataPath);
        builder.UseSetting("Orleans:SiloPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:ClusterId", $"http-tests-{Guid.NewGuid():N}");
        // Tests publish trending explicitly rather than wait for the timer.
        builder.UseSetting("AIaaS:Engine:TrendingPublishInterval", "01:00:00");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(DataPath))
        {
            Directory.Delete(DataPath, recursive: true);
        }
    }

    public Task RefreshTrendingAsync() => Services.GetRequiredService<TrendingPublisher>().RefreshAsync();

    /// <summary>Reads the catalog's changes on the silo now, rather than waiting for its refresh interval.</summary>
    public Task RefreshCatalogAsync() => Services.GetRequiredService<Grains.Catalog.ItemCatalogRefresher>().RefreshAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class SiloCollection : ICollectionFixture<SiloFactory>
{
    public const string Name = "silo";
}
