using AIaaS.Silo.Api;
using AIaaS.Silo.Options;
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
    }

    /// <summary>HTTP API v1 as DESIGN.md specifies it, each endpoint described for OpenAPI (ApiDocumentation).</summary>
    public static void MapEngineApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var v1 = app.MapGroup("/v1");
        v1.MapPost("/events", EventsEndpoint.PostAsync).DocumentPostEvents();
        v1.MapGet("/users/{userId}/recommendations", RecommendationsEndpoints.ForUserAsync).DocumentUserRecommendations();
        v1.MapGet("/items/{itemId}/similar", RecommendationsEndpoints.SimilarAsync).DocumentSimilarItems();
        v1.MapPut("/items/{itemId}", ItemsEndpoint.PutAsync).DocumentPutItem();
        v1.MapGet("/items/{itemId}", ItemsEndpoint.GetAsync).DocumentGetItem();
        v1.MapGet("/items", ItemsEndpoint.List).DocumentListItems();
        v1.MapDelete("/items/{itemId}", ItemsEndpoint.DeleteAsync).DocumentDeleteItem();
        v1.MapPost("/sessions/recommendations", SessionsEndpoint.RecommendAsync).DocumentSessionRecommendations();
        v1.MapGet("/users/{userId}", UsersEndpoint.GetAsync).DocumentGetUser();
        v1.MapDelete("/users/{userId}", UsersEndpoint.DeleteAsync).DocumentDeleteUser();
        v1.MapGet("/model", ModelEndpoints.GetAsync).DocumentGetModel();
        v1.MapPost("/model/retrain", ModelEndpoints.RetrainAsync).DocumentRetrain();
        v1.MapGet("/model/versions", ModelEndpoints.VersionsAsync).DocumentModelVersions();
        v1.MapGet("/stats", StatsEndpoint.GetAsync).DocumentStats();
        v1.MapGet("/trending", TrendingEndpoint.Get).DocumentTrending();
        v1.MapGet("/activity", ActivityEndpoint.Get).DocumentActivity();
    }
}
