namespace SigilGate.Testing; internal static class Placeholder;
