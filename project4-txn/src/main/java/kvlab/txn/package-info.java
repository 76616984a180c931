/** Project 4: MVCC (4A), Percolator server commands (4B), scan, lock resolution and a client (4C). Content arrives with step 5 of the course build. */
package kvlab.txn;
