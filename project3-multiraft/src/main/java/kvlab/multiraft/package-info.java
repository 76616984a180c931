/** Project 3: leader transfer and membership change (3A), a multi-region store with split (3B), a scheduler (3C). Content arrives in a later step of the course build. */
package kvlab.multiraft;
