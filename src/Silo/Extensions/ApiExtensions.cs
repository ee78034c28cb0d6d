using AIaaS.Grains.Security;
using AIaaS.Silo.Api;
using AIaaS.Silo.Options;
using AIaaS.Silo.Security;
using AIaaS.Silo.Serving;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace AIaaS.Silo.Extensions;

internal static class ApiExtensions
{
    public static void AddEngineApi(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();
        // The same limit for a body read some other way than JsonBody, which lifts it for its own read.
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ApiOptions>>((kestrel, api) =>
            kestrel.Limits.MaxRequestBodySize = api.Value.MaxRequestBodyBytes);
        services.AddProblemDetails();
        services.AddExceptionHandler<ArgumentExceptionHandler>();
        services.AddExceptionHandler<UnavailableHandler>();
        services.AddSingleton(TimeProvider.System);
        services.AddEngineSecurity();
        services.AddSingleton<ServingWarmUp>();
        services.AddHostedService(provider => provider.GetRequiredService<ServingWarmUp>());
    }

    /// <summary>HTTP API v1 as DESIGN.md specifies it, each endpoint described for OpenAPI (ApiDocumentation).</summary>
    public static void MapEngineApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseEngineSecurity();
        var v1 = app.MapGroup("/v1");
        v1.MapPost("/events", EventsEndpoint.PostAsync).DocumentPostEvents().RequireScope(ApiScope.Ingest);
        v1.MapGet("/users/{userId}/recommendations", RecommendationsEndpoints.ForUserAsync).DocumentUserRecommendations().RequireScope(ApiScope.Read);
        v1.MapGet("/items/{itemId}/similar", RecommendationsEndpoints.SimilarAsync).DocumentSimilarItems().RequireScope(ApiScope.Read);
        v1.MapPut("/items/{itemId}", ItemsEndpoint.PutAsync).DocumentPutItem().RequireScope(ApiScope.Admin);
        v1.MapGet("/items/{itemId}", ItemsEndpoint.GetAsync).DocumentGetItem().RequireScope(ApiScope.Read);
        v1.MapGet("/items", ItemsEndpoint.List).DocumentListItems().RequireScope(ApiScope.Read);
        v1.MapDelete("/items/{itemId}", ItemsEndpoint.DeleteAsync).DocumentDeleteItem().RequireScope(ApiScope.Admin);
        v1.MapPost("/sessions/recommendations", SessionsEndpoint.RecommendAsync).DocumentSessionRecommendations().RequireScope(ApiScope.Ingest);
        v1.MapGet("/users/{userId}", UsersEndpoint.GetAsync).DocumentGetUser().RequireScope(ApiScope.Read);
        v1.MapDelete("/users/{userId}", UsersEndpoint.DeleteAsync).DocumentDeleteUser().RequireScope(ApiScope.Admin);
        v1.MapGet("/model", ModelEndpoints.GetAsync).DocumentGetModel().RequireScope(ApiScope.Read);
        v1.MapPost("/model/retrain", ModelEndpoints.RetrainAsync).DocumentRetrain().RequireScope(ApiScope.Admin);
        v1.MapGet("/model/versions", ModelEndpoints.VersionsAsync).DocumentModelVersions().RequireScope(ApiScope.Read);
        v1.MapGet("/stats", StatsEndpoint.GetAsync).DocumentStats().RequireScope(ApiScope.Read);
        v1.MapGet("/trending", TrendingEndpoint.Get).DocumentTrending().RequireScope(ApiScope.Read);
        v1.MapGet("/activity", ActivityEndpoint.Get).DocumentActivity().RequireScope(ApiScope.Read);
        v1.MapPost("/keys", KeysEndpoints.CreateAsync).DocumentCreateKey().RequireScope(ApiScope.Admin);
        v1.MapGet("/keys", KeysEndpoints.ListAsync).DocumentListKeys().RequireScope(ApiScope.Admin);
        v1.MapDelete("/keys/{keyId}", KeysEndpoints.DeleteAsync).DocumentDeleteKey().RequireScope(ApiScope.Admin);
    }
}
