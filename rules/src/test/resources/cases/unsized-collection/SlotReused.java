package cases.unsized_collection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two collections in turn in one local slot (javac reuses the slot of a block that ended): each is
 * its own finding, and each is measured by its own growth (the list's array copies, the map's
 * resizes), not by the type of whichever collection first lived in that slot.
 */
public class SlotReused {

    static int inTurn(String[] keys) {
        int total = 0;
        {
            List<String> seen = new ArrayList<>(); // expect: unsized-collection@low "Size it up front"
            for (int i = 0; i < keys.length; i++) {
                seen.add(keys[i]);
            }
            total += seen.size();
        }
        {
            Map<String, String> index = new HashMap<>(); // expect: unsized-collection@medium "Size it up front"
            for (int i = 0; i < keys.length; i++) {
                index.put(keys[i], keys[i]);
            }
            total += index.size();
        }
        return total;
    }
}
