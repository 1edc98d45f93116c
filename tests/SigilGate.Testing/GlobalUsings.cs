// Repositories, clones and processes: what most of the test kit is made of.
global using SigilGate.Testing.Git;
