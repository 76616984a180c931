package kvlab.harness.rules;

/**
 * The reasons whose words depend on the module, because each names what that module's code uses
 * instead of the thing it may not touch.
 */
record Wording(String wallClock, String randomness, String threads, String files, String network) {
    /** Project 1: real RocksDB storage, no simulation. */
    static final Wording STORAGE = new Wording(
            "storage code never reads the wall clock",
            "storage code never uses unseeded randomness: a test must do the same thing every run",
            "storage code runs on its caller's thread: it never starts threads or waits for one",
            "storage code touches the disk only through RocksDB, in the data directory it is given",
            "student code never touches the network");

    /** Projects 2 and 3: Raft and the store on it, under simulation. */
    static final Wording RAFT = new Wording(
            "simulated code gets time only from tick()",
            "randomness under simulation must come from the seeded streams the harness gives"
                    + " (Raft: Config.random(); a node: NodeContext.random())",
            "simulated code is single-threaded: the harness calls it, it never starts threads",
            "student code never touches files: a node keeps its state on its simulated disk (NodeContext.disk())",
            "student code never touches the network: nodes talk only through the simulated network (NodeContext.send)");

    /** Project 4: Percolator transactions, under simulation. */
    static final Wording TXN = new Wording(
            "simulated code gets time only from the simulation's virtual clock or the timestamp oracle",
            "randomness under simulation must come from the seeded streams the harness gives"
                    + " (a node: NodeContext.random())",
            "simulated code is single-threaded: the harness calls it, it never starts threads",
            "student code never touches files: data lives in the provided storage on the simulated disk",
            "student code never touches the network: a transaction talks only through TxnContext");
}
