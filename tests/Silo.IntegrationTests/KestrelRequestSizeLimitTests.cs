namespace AIaaS.Silo.IntegrationTests;

[Collection(KestrelSiloCollection.Name)]
public sealed class KestrelRequestSizeLimitTests(KestrelSiloFactory factory) : RequestSizeLimitTests(factory);
