using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace AIaaS.Silo.Extensions;

/// <summary>
/// Adds endpoints that the generator leaves out (health checks and the Prometheus scrape are mapped for any HTTP
/// method, and it describes only endpoints with methods) to the document, from their summary and Produces metadata.
/// </summary>
internal sealed class RequestDelegateEndpointsTransformer(EndpointDataSource endpoints) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Paths ??= [];
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            var metadata = endpoint.Metadata;
            if (metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is { ExcludeFromDescription: true }
                || metadata.GetMetadata<IEndpointSummaryMetadata>() is not { } summary)
            {
                continue;
            }

            var path = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (!document.Paths.TryGetValue(path, out var item) || item is not OpenApiPathItem pathItem)
            {
                pathItem = new OpenApiPathItem();
                document.Paths[path] = pathItem;
            }

            pathItem.Operations ??= [];
            foreach (var method in HttpMethods(endpoint))
            {
                pathItem.Operations.TryAdd(method, Describe(metadata, summary.Summary));
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The methods an endpoint answers; one mapped for any method (as health checks are) is described as a GET.</summary>
    public static IEnumerable<HttpMethod> HttpMethods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<HttpMethodMetadata>() is { HttpMethods.Count: > 0 } methods
            ? methods.HttpMethods.Select(method => HttpMethod.Parse(method))
            : [HttpMethod.Get];

    private static OpenApiOperation Describe(EndpointMetadataCollection metadata, string summary)
    {
        var operation = new OpenApiOperation
        {
            OperationId = metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName,
            Summary = summary,
            Description = metadata.GetMetadata<IEndpointDescriptionMetadata>()?.Description,
            Tags = new HashSet<OpenApiTagReference>(metadata.GetOrderedMetadata<ITagsMetadata>().SelectMany(t => t.Tags).Select(tag => new OpenApiTagReference(tag))),
            Responses = [],
        };
        foreach (var produces in metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>())
        {
            operation.Responses[produces.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = produces.Description ?? ReasonPhrases.GetReasonPhrase(produces.StatusCode),
                Content = produces.ContentTypes.ToDictionary(type => type, _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } }),
            };
        }

        return operation;
    }
}
