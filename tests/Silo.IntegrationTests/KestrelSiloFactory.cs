using System.Net;

namespace AIaaS.Silo.IntegrationTests;

/// <summary>The silo behind a real Kestrel on a free loopback port, for what TestServer does not do (Kestrel's limits).</summary>
public class KestrelSiloFactory : SiloFactory
{
    public KestrelSiloFactory() => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
}

[CollectionDefinition(Name)]
public sealed class KestrelSiloCollection : ICollectionFixture<KestrelSiloFactory>
{
    public const string Name = "kestrel silo";
}
