using AIaaS.Grains.Interfaces;
using AIaaS.Grains.Interfaces.Models;
using AIaaS.Silo.Api;

namespace AIaaS.Silo.Extensions;

/// <summary>
/// The OpenAPI description of each /v1 endpoint. The handlers read their query and bodies by hand (to answer with
/// problems that say what was wrong), so their parameters, bodies and answers are declared here.
/// </summary>
internal static partial class ApiDocumentation
{
    private static readonly QueryParameter[] RecommendationParameters =
    [
        QueryParameter.Integer("count", "How many items to return.", 1, EventRules.MaxCount, RecommendationQuery.DefaultCount),
        QueryParameter.Integer("offset", "How many items of the ranking to skip (paging without repeats within one model version).", 0, CatalogRules.MaxOffset, 0),
        QueryParameter.Strings("category", $"Only items in any of these categories (repeatable, at most {CatalogRules.MaxCategories}); one no catalog item has is a 400."),
        QueryParameter.Strings("tag", $"Only items with any of these tags (repeatable, at most {CatalogRules.MaxTags}); with category, both must match; one no catalog item has is a 400."),
        QueryParameter.Strings("exclude", $"Item ids never to return (repeatable, at most {CatalogRules.MaxExclude})."),
    ];

    private static readonly QueryParameter[] UserRecommendationParameters =
    [
        .. RecommendationParameters,
        QueryParameter.String("diversity", "A number from 0 to 1: the MMR weight with which the best 50 candidates are reordered so that each next item is less like those before it "
            + "(0 = the model's order; scores stay the model's). Absent: the engine's AIaaS:Recommendations:Diversity."),
    ];

    /// <summary>
    /// The properties a request body must have, as the endpoints check them. The generator would take every
    /// positional parameter of these records (nullable, so that the endpoint can name what is missing) as required.
    /// </summary>
    public static readonly IReadOnlyDictionary<Type, ISet<string>> RequiredProperties = new Dictionary<Type, ISet<string>>
    {
        [typeof(EventsRequest)] = new HashSet<string> { "events" },
        [typeof(EventDto)] = new HashSet<string> { "userId", "itemId", "type" },
        [typeof(SessionDto)] = new HashSet<string> { "events" },
        [typeof(SessionEventDto)] = new HashSet<string> { "itemId", "type" },
        [typeof(ItemDto)] = new HashSet<string>(),
        [typeof(CreateKeyDto)] = new HashSet<string> { "name", "scope" },
    };

    public static RouteHandlerBuilder DocumentPostEvents(this RouteHandlerBuilder builder) => builder
        .WithName("PostEvents")
        .WithTags(ApiTags.Events)
        .Describe(
            "Ingest a batch of interaction events",
            $"Validates the whole batch (at most {EventRules.MaxBatchSize} events), appends it to the durable log and applies it to users and items; "
            + "202 comes after the durable append. type is one of play, view, like, skip, rating, purchase; value is optional (rating: 1–5). "
            + "A repeat of a stored (userId, eventId) is counted in duplicates and changes nothing. A single bad event rejects the request and applies nothing.")
        .AcceptsJsonBody<EventsRequest>(ApiExamples.EventsRequest)
        .ProducesJson<EventsAccepted>(StatusCodes.Status202Accepted, ApiExamples.EventsAccepted);

    public static RouteHandlerBuilder DocumentUserRecommendations(this RouteHandlerBuilder builder) => builder
        .WithName("UserRecommendations")
        .WithTags(ApiTags.Recommendations)
        .Describe(
            "Recommend items to a user",
            "Scores the user's vector against the current model, leaves out seen items, blends in new and live items, optionally reorders the best for diversity, and explains each item. Filters apply inside scoring.")
        .WithQueryParameters(UserRecommendationParameters)
        .ProducesJson<Recommendations>(StatusCodes.Status200OK, ApiExamples.Recommendations)
        .ProducesProblemsOfAnyCall();

    public static RouteHandlerBuilder DocumentSimilarItems(this RouteHandlerBuilder builder) => builder
        .WithName("SimilarItems")
        .WithTags(ApiTags.Recommendations)
        .Describe(
            "Items similar to an item",
            "Items most often consumed by the same users, then the nearest items in the factor space; the same filters as user recommendations.")
        .WithQueryParameters(RecommendationParameters)
        .ProducesJson<SimilarItemsResponse>(StatusCodes.Status200OK, ApiExamples.SimilarItems)
        .ProducesProblemsOfAnyCall();

    public static RouteHandlerBuilder DocumentSessionRecommendations(this RouteHandlerBuilder builder) => builder
        .WithName("SessionRecommendations")
        .WithTags(ApiTags.Recommendations)
        .Describe(
            "Recommend items to an anonymous session",
            $"Folds 1–{CatalogRules.MaxSessionEvents} events of a viewer with no account into a vector and scores it; nothing is stored, and the session's items are never returned.")
        .AcceptsJsonBody<SessionDto>(ApiExamples.SessionRequest)
        .ProducesJson<SessionRecommendations>(StatusCodes.Status200OK, ApiExamples.SessionRecommendations);

    public static RouteHandlerBuilder DocumentGetUser(this RouteHandlerBuilder builder) => builder
        .WithName("GetUser")
        .WithTags(ApiTags.Users)
        .Describe(
            "A user's stored history and profile",
            "Every event the log stores for the user, oldest first (what erasure deletes), items seen, counts per type, and whether the user has a vector in the current model.")
        .ProducesJson<UserResponse>(StatusCodes.Status200OK, ApiExamples.User)
        .ProducesProblemsOfAnyCall();

    public static RouteHandlerBuilder DocumentDeleteUser(this RouteHandlerBuilder builder) => builder
        .WithName("DeleteUser")
        .WithTags(ApiTags.Users)
        .Describe(
            "Erase a user",
            "Erases the user's history, embedding, log entries and what items learned from them; the next training drops the user.")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblemsOfAnyCall();

    public static RouteHandlerBuilder DocumentPutItem(this RouteHandlerBuilder builder) => builder
        .WithName("PutItem")
        .WithTags(ApiTags.Items)
        .Describe(
            "Create or replace a catalog item",
            $"Stores title, categories (at most {CatalogRules.MaxCategories}), tags (at most {CatalogRules.MaxTags}), each 1–{CatalogRules.MaxLabelLength} characters, hidden, "
            + "a live window and an availability window (each must end after it starts). Every silo reads the change within one refresh interval.")
        .AcceptsJsonBody<ItemDto>(ApiExamples.ItemRequest)
        .ProducesJson<ItemResponse>(StatusCodes.Status200OK, ApiExamples.Item);

    public static RouteHandlerBuilder DocumentGetItem(this RouteHandlerBuilder builder) => builder
        .WithName("GetItem")
        .WithTags(ApiTags.Items)
        .Describe(
            "A catalog item",
            "The item's catalog fields plus interactions and updatedAt; 404 when neither the catalog nor any event knows it, or it was deleted.")
        .ProducesJson<ItemResponse>(StatusCodes.Status200OK, ApiExamples.ItemDetails)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblemsOfAnyCall();

    public static RouteHandlerBuilder DocumentListItems(this RouteHandlerBuilder builder) => builder
        .WithName("ListItems")
        .WithTags(ApiTags.Items)
        .Describe(
            "List the catalog",
            "A page of the catalog in item-id order, and how many items the listing has in all.")
        .WithQueryParameters(
            QueryParameter.String("category", "Only items in this category; one no catalog item has is a 400."),
            QueryParameter.Integer("offset", "How many items to skip.", 0, int.MaxValue, 0),
            QueryParameter.Integer("count", "How many items to return.", 1, EventRules.MaxCount, 100))
        .ProducesJson<ItemsPage>(StatusCodes.Status200OK, ApiExamples.ItemsPage)
        .ProducesProblem(StatusCodes.Status400BadRequest);

    public static RouteHandlerBuilder DocumentDeleteItem(this RouteHandlerBuilder builder) => builder
        .WithName("DeleteItem")
        .WithTags(ApiTags.Items)
        .Describe(
            "Delete a catalog item",
            "The item leaves every future answer on every silo within one refresh interval; its past events stay in histories and training.")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblemsOfAnyCall();

    public static RouteHandlerBuilder DocumentGetModel(this RouteHandlerBuilder builder) => builder
        .WithName("GetModel")
        .WithTags(ApiTags.Model)
        .Describe(
            "The served model and the retraining's progress",
            "Current version (null before the first training), trained-at, users, items, factors, training metrics, progress and the last error.")
        .ProducesJson<ModelStatus>(StatusCodes.Status200OK, ApiExamples.Model)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    public static RouteHandlerBuilder DocumentRetrain(this RouteHandlerBuilder builder) => builder
        .WithName("Retrain")
        .WithTags(ApiTags.Model)
        .Describe(
            "Start a retraining now",
            "started is false while a training runs. A failed training keeps the current model and shows in lastError.")
        .ProducesJson<RetrainAccepted>(StatusCodes.Status202Accepted, ApiExamples.RetrainAccepted)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    public static RouteHandlerBuilder DocumentStats(this RouteHandlerBuilder builder) => builder
        .WithName("Stats")
        .WithTags(ApiTags.Model)
        .Describe(
            "Event, user and item counts",
            "Counted from the interaction log (acknowledged events).")
        .ProducesJson<EngineStats>(StatusCodes.Status200OK, ApiExamples.Stats)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    public static RouteHandlerBuilder DocumentCreateKey(this RouteHandlerBuilder builder) => builder
        .WithName("CreateKey")
        .WithTags(ApiTags.Keys)
        .Describe(
            "Issue an API key",
            $"name (1–{KeysEndpoints.MaxNameLength} characters) says what the key is for; scope is ingest (events and sessions), read (every GET but keys) or admin (everything). "
            + "The answer is the only time the key is shown: it is stored as its SHA-256. 409 while keys are off (no AIaaS:Auth:AdminKey).")
        .AcceptsJsonBody<CreateKeyDto>(ApiExamples.KeyRequest)
        .ProducesJson<CreatedKeyResponse>(StatusCodes.Status201Created, ApiExamples.CreatedKey)
        .ProducesProblem(StatusCodes.Status409Conflict);

    public static RouteHandlerBuilder DocumentListKeys(this RouteHandlerBuilder builder) => builder
        .WithName("ListKeys")
        .WithTags(ApiTags.Keys)
        .Describe(
            "List the issued API keys",
            "Ids, names, scopes, created and last-used times (as of each silo's last flush, every 10 s), never the keys. The configured admin key is not listed.")
        .ProducesJson<KeyListResponse>(StatusCodes.Status200OK, ApiExamples.KeyList)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    public static RouteHandlerBuilder DocumentDeleteKey(this RouteHandlerBuilder builder) => builder
        .WithName("DeleteKey")
        .WithTags(ApiTags.Keys)
        .Describe(
            "Revoke an API key",
            "Every silo refuses the key from its next request on; 404 when no key has the id (never issued, or revoked already).")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    /// <summary>A JSON body read by JsonBody: its type and example, and the problems reading and checking it can answer.</summary>
    private static RouteHandlerBuilder AcceptsJsonBody<T>(this RouteHandlerBuilder builder, string example)
        where T : notnull => builder
        .WithJsonRequestBody<T>(example)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblemsOfAnyCall();

    /// <summary>Bad ids or parameters (400), and storage that failed or a silo past its queue bound (503, with Retry-After).</summary>
    private static RouteHandlerBuilder ProducesProblemsOfAnyCall(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
