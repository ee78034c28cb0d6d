using AIaaS.Engine.Content;

namespace AIaaS.Engine.UnitTests.Content;

public class ItemFeaturesTests
{
    [Fact]
    public void Of_CategoriesAndTags_PrefixedTrimmedLowerCasedOnce()
    {
        var features = ItemFeatures.Of(["Drama", " drama ", "Sci-Fi", ""], ["1990s", "Funny", "funny", "  "]);

        Assert.Equal(["category:drama", "category:sci-fi", "tag:1990s", "tag:funny"], features);
    }

    [Fact]
    public void Of_NullOrEmpty_NoFeatures()
    {
        Assert.Empty(ItemFeatures.Of(null, null));
        Assert.Equal(["tag:live"], ItemFeatures.Of([], ["live"]));
    }

    [Fact]
    public void Of_SameLabelAsCategoryAndTag_TwoFeatures()
    {
        Assert.Equal(["category:sport", "tag:sport"], ItemFeatures.Of(["Sport"], ["sport"]));
    }
}
