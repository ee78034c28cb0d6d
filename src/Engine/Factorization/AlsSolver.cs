namespace AIaaS.Engine.Factorization;

/// <summary>How each row's k×k least-squares system is solved.</summary>
public enum AlsSolver
{
    /// <summary>Conjugate gradient when Factors &gt; 32, Cholesky otherwise.</summary>
    Auto,

    /// <summary>A few conjugate-gradient steps warm-started from the previous row (the <c>implicit</c> library's approach): O(CgSteps·(k² + n·k)) per row.</summary>
    ConjugateGradient,

    /// <summary>Exact solve: forms the k×k matrix (O(n·k²)) and factors it (O(k³/3)); best for small k.</summary>
    Cholesky,
}
