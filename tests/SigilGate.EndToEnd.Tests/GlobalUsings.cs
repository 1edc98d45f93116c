// The test kit and the push helpers every end-to-end spec uses.
global using SigilGate.EndToEnd.Tests.Hooks;
global using SigilGate.Testing;
global using SigilGate.Testing.Git;
