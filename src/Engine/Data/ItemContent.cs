namespace AIaaS.Engine.Data;

/// <summary>
/// What a MovieLens-format folder tells about one item besides its ratings: its title, its categories (genre names, as
/// the file spells them) and its tags (lower-cased and trimmed). The release year and decade travel as tags such as
/// <c>1995</c> and <c>1990s</c>, so that they are expressible in the categories-and-tags metadata an application
/// sends the engine.
/// </summary>
/// <param name="ItemId">The raw item id, as the rating file writes it.</param>
/// <param name="Title">The title; empty when only tags name the item.</param>
/// <param name="Categories">Genre names, in the file's order, without repeats.</param>
/// <param name="Tags">Tags, then the release year and decade, lower-cased, without repeats.</param>
public sealed record ItemContent(int ItemId, string Title, IReadOnlyList<string> Categories, IReadOnlyList<string> Tags);
