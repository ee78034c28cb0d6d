namespace AIaaS.Engine.Factorization;

/// <summary>How an observed value r becomes an implicit-feedback confidence c (Hu, Koren &amp; Volinsky 2008).</summary>
public enum ConfidenceScaling
{
    /// <summary>c = 1 + alpha·r: a 5-star rating counts five times as much as a 1-star one.</summary>
    Linear,

    /// <summary>c = 1 + alpha·ln(1 + r): damps heavy users and repeated plays (the paper's log variant with ε = 1).</summary>
    Logarithmic,

    /// <summary>c = 1 + alpha whatever r is: every interaction counts the same.</summary>
    Binary,
}
