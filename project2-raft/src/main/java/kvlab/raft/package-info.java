/** Project 2: a Raft library (2A), a fault-tolerant key/value store on it (2B), log compaction and snapshots (2C). Content arrives with step 3 of the course build. */
package kvlab.raft;
