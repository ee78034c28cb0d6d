using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace AIaaS.Silo.Extensions;

internal static class OpenApiExtensions
{
    public const string DocumentPath = "/openapi/v1.json";

    public static void AddEngineOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options => options
            .AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "AIaaS recommendation engine";
                document.Info.Description = "HTTP API v1: events in, recommendations out, the catalog, users and the model. Errors are RFC 7807 problem details.";
                document.Tags = new HashSet<OpenApiTag>(ApiTags.Descriptions.Select(tag => new OpenApiTag { Name = tag.Key, Description = tag.Value }));
                // The URL the generator takes from the request is wrong behind a proxy (and "localhost" in tests): "/" resolves
                // against wherever the document was read from.
                document.Servers = [new OpenApiServer { Url = "/", Description = "The silo that serves this document." }];

                return Task.CompletedTask;
            })
            .AddSchemaTransformer((schema, context, _) =>
            {
                if (ApiDocumentation.RequiredProperties.TryGetValue(context.JsonTypeInfo.Type, out var required))
                {
                    schema.Required = required;
                }

                return Task.CompletedTask;
            })
            .AddDocumentTransformer<RequestDelegateEndpointsTransformer>()
            .AddDocumentTransformer<ApiKeySecurityTransformer>());

    /// <summary>The document at /openapi/v1.json and a browsable reference at /docs, whose scripts the package serves itself.</summary>
    public static void MapEngineApiReference(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference("/docs", options => options
            .WithTitle("AIaaS API reference")
            .WithOpenApiRoutePattern(DocumentPath)
            // Nothing from a CDN: the fonts come from Scalar's otherwise, and the page works offline without them.
            .DisableDefaultFonts()
            .DisableTelemetry());
    }
}
