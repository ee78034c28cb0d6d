namespace AIaaS.Silo.IntegrationTests;

[Collection(SiloCollection.Name)]
public sealed class TestServerHostileInputTests(SiloFactory factory) : HostileInputTests(factory);
