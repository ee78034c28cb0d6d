namespace AIaaS.Silo.IntegrationTests;

[Collection(SiloCollection.Name)]
public sealed class TestServerRequestSizeLimitTests(SiloFactory factory) : RequestSizeLimitTests(factory);
